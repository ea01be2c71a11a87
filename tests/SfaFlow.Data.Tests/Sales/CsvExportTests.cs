using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Import;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Lists;

namespace SfaFlow.Data.Tests.Sales;

public sealed class CsvExportTests
{
    [Fact]
    public async Task Export_WritesTheFilteredListInScope_AllPages_WithAHeaderOfFieldNamesAndInvariantValues()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var output = new StringWriter(CultureInfo.GetCultureInfo("de-DE"));

        // The page is ignored: an export holds every matching record, here the rep's EUR deals only (not Delta or Echo).
        var written = await host.Get<CsvExporter>().ExportAsync(SalesLists.Opportunities, Deals.Query(("currency", "EUR")) with { PageSize = 1 }, s.Rep, output);

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        await using var db = await host.OpenAsync();
        var alpha = await db.Opportunities.SingleAsync(o => o.Name == "Alpha");
        Assert.Equal(2, written);
        Assert.Equal(
            "id,version,name,accountId,pipelineId,stageId,status,amount,currency,amountInReportingCurrency,expectedCloseDate,probability,probabilityOverride," +
            "forecastCategory,forecastCategoryOverride,ownerId,regionId,competitor,lostReason,closedAt,highestStageOrder,stageEnteredAt,lastActivityAt," +
            "closeDatePushCount,leadId,createdAt,updatedAt", lines[0]);
        Assert.Equal($"{alpha.Id},1,Alpha,{s.Account.Id},{s.Pipeline.Id},{s.StageNamed("Prospecting").Id},Open,1000,EUR,1000,2027-01-15,10,,Pipeline,," +
            $"{s.Rep.UserId},,,,,1,2026-11-27T09:00:00Z,,0,,2026-11-27T09:00:00Z,2026-11-27T09:00:00Z", lines[1]);
        Assert.StartsWith($"{alpha.Id + 1},1,Bravo,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",0.1,EUR,0.1,2027-02-01,", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Export_EscapesTextASpreadsheetWouldRun_AndAnImportTakesTheEscapeOffAgain()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var leads = host.Get<LeadService>();
        var original = await leads.CreateAsync(new LeadFields
        {
            Name = "Zoë O'Brien, \"Zed\"", Company = "Line one\nLine two", Phone = "+49 89 1234", Source = "=HYPERLINK(\"http://x.example\")",
            Score = 42, ScoreExplanation = "a, b; c", Email = "zoe@example.com",
        }, s.Rep);
        var file = new StringWriter();

        await host.Get<CsvExporter>().ExportAsync(SalesLists.Leads, new RecordQuery(), s.Rep, file);
        var report = await host.Get<CsvImporter>().ImportAsync(ImportResource.Leads, new StringReader(file.ToString()), ImportOptions.AllOrNothing, s.Rep);

        Assert.Contains(",'+49 89 1234,\"'=HYPERLINK(\"\"http://x.example\"\")\",", file.ToString(), StringComparison.Ordinal);
        Assert.Equal((1, 1, 0), (report.RowsRead, report.RowsImported, report.Errors.Count));
        Assert.Contains("status", report.IgnoredColumns);
        await using var db = await host.OpenAsync();
        var copy = await db.Leads.SingleAsync(l => l.Id != original.Id);
        Assert.Equal((original.Name, original.Company, original.Phone, original.Source, original.Score, original.ScoreExplanation, original.Email, original.OwnerId),
            (copy.Name, copy.Company, copy.Phone, copy.Source, copy.Score, copy.ScoreExplanation, copy.Email, copy.OwnerId));
    }

    [Fact]
    public async Task RoundTrip_DealsExportedThenImported_ComeBackWithTheSameValues()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        await host.Get<SfaFlow.Sales.Opportunities.OpportunityService>().CreateAsync(
            Deals.Fields(s, "Golf", 99.9999m, "GBP", new DateOnly(2027, 6, 30)) with { ProbabilityOverride = 35, Competitor = "Babbage & Co" }, new(), s.Rep);
        var file = new StringWriter();
        var exported = await host.Get<CsvExporter>().ExportAsync(SalesLists.Opportunities, new RecordQuery(), s.Rep, file);

        var report = await host.Get<CsvImporter>().ImportAsync(ImportResource.Opportunities, new StringReader(file.ToString()), ImportOptions.AllOrNothing, s.Rep);

        Assert.Equal((4, 4, 4), (exported, report.RowsRead, report.RowsImported));
        await using var db = await host.OpenAsync();
        var all = await db.Opportunities.AsNoTracking().Where(o => o.OwnerId == s.Rep.UserId).OrderBy(o => o.Id).ToListAsync();
        static object Values(SfaFlow.Sales.Opportunities.Opportunity o) =>
            (o.Name, o.AccountId, o.Amount, o.Currency, o.AmountInReportingCurrency, o.ExpectedCloseDate, o.StageId, o.ProbabilityOverride, o.Competitor, o.OwnerId);
        Assert.Equal(all.Take(4).Select(Values), all.Skip(4).Select(Values));
    }
}
