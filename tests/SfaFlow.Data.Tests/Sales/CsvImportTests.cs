using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Import;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class CsvImportTests
{
    [Fact]
    public async Task Import_OneInvalidRow_WritesNothing_AndTheReportNamesRowAndField()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        const string file = "Name,Email,Score\nAda Lovelace,ada@example.com,40\nCharles Babbage,not-an-address,101\nGrace Hopper,,70\n";

        var report = await host.Get<CsvImporter>().ImportAsync(ImportResource.Leads, new StringReader(file), ImportOptions.AllOrNothing, s.Rep);

        Assert.Equal((3, 0, 1, false), (report.RowsRead, report.RowsImported, report.RowsInvalid, report.Committed));
        Assert.Equal([new ImportError(3, "email", "'not-an-address' is not an e-mail address."), new ImportError(3, "score", "A score is from 0 to 100.")], report.Errors);
        await using var db = await host.OpenAsync();
        Assert.False(await db.Leads.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.RecordType == "Lead"));
    }

    [Fact]
    public async Task Import_ValidRowsOnly_WritesTheValidRows_AndReportsTheOthers()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        const string file = "code,name,price,currency,productLine\nSUP,Support,1200.50,EUR,Services\nLIC,Licence again,1,EUR,\nsup2,Support plus,abc,EUR,\nCON,Consulting day,950,EUR,Services\nCON,Consulting twice,950,EUR,\n";

        var report = await host.Get<CsvImporter>().ImportAsync(ImportResource.Products, new StringReader(file), new ImportOptions { ValidRowsOnly = true }, admin);

        Assert.Equal((5, 2, 3), (report.RowsRead, report.RowsImported, report.RowsInvalid));
        Assert.Equal([
            new ImportError(3, "code", "There is a product with the code 'LIC' already."),
            new ImportError(4, "price", "'abc' in column price is not a number, with a point for decimals (1250.50)."),
            new ImportError(6, "code", "There is a product with the code 'CON' already."),
        ], report.Errors);
        await using var db = await host.OpenAsync();
        Assert.Equal(["CON", "LIC", "SUP", "TRN"], await db.Products.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync());
        Assert.Equal(1200.5m, (await db.Products.SingleAsync(p => p.Code == "SUP")).Price);
    }

    [Fact]
    public async Task Import_ABadHeader_IsRefusedBeforeAnyRow_NamingTheColumns()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var importer = host.Get<CsvImporter>();

        var unknown = await importer.ImportAsync(ImportResource.Contacts, new StringReader("accountId,lastName,colour,LASTNAME\n1,Lovelace,red,x\n"), ImportOptions.AllOrNothing, s.Rep);
        var missing = await importer.ImportAsync(ImportResource.Opportunities, new StringReader("name,amount\nEngines,10\n"), ImportOptions.AllOrNothing, s.Rep);
        var empty = await importer.ImportAsync(ImportResource.Leads, new StringReader(""), ImportOptions.AllOrNothing, s.Rep);

        Assert.Equal(0, unknown.RowsRead);
        Assert.Equal([
            new ImportError(1, "colour", "'colour' is not a column of contacts; the columns are accountId, firstName, lastName, title, email, phone, ownerId, regionId."),
            new ImportError(1, "LASTNAME", "Column 'LASTNAME' appears twice."),
        ], unknown.Errors);
        Assert.Equal(["accountId", "currency", "expectedCloseDate"], missing.Errors.Select(e => e.Field));
        Assert.Equal("The file is empty; its first row names the columns.", Assert.Single(empty.Errors).Message);
    }

    [Fact]
    public async Task Import_ADealRowIntoAStageWhoseGateFails_IsReportedLikeAnyInvalidField_AndScopeApplies()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var file = "name,accountId,amount,currency,expectedCloseDate,stageId\n" +
            $"Engines,{s.Account.Id},100,EUR,2027-03-31,{s.StageNamed("Proposal").Id}\n" +
            $"Gated,{s.Account.Id},100,EUR,2027-03-31,{s.StageNamed("Negotiation").Id}\n" +
            $"Dated,{s.Account.Id},100,EUR,31/03/2027,\n";
        var importer = host.Get<CsvImporter>();

        var report = await importer.ImportAsync(ImportResource.Opportunities, new StringReader(file), ImportOptions.AllOrNothing, s.Rep);
        var foreign = await importer.ImportAsync(ImportResource.Opportunities, new StringReader(file.Split('\n')[0] + "\n" + file.Split('\n')[1]), ImportOptions.AllOrNothing, s.OtherRep);

        Assert.Equal([
            new ImportError(3, "stageId", SalesScenario.ProposalGateMessage),
            new ImportError(4, "expectedCloseDate", "'31/03/2027' in column expectedCloseDate is not a date (yyyy-MM-dd)."),
        ], report.Errors);
        Assert.Equal(new ImportError(2, "accountId", $"There is no account {s.Account.Id}."), Assert.Single(foreign.Errors));
        await using var db = await host.OpenAsync();
        Assert.False(await db.Opportunities.AnyAsync());
    }

    [Fact]
    public async Task Import_ProductsByARep_IsRefusedWhole()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);

        var refused = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            host.Get<CsvImporter>().ImportAsync(ImportResource.Products, new StringReader("code,name,price,currency\nSUP,Support,1,EUR\n"), ImportOptions.AllOrNothing, s.Rep));

        Assert.Equal("Only an admin may import products.", refused.Message);
        await using var db = await host.OpenAsync();
        Assert.Equal(2, await db.Products.CountAsync());
    }

    [Fact]
    public async Task Import_SemicolonSeparatedFilesAndBrokenRows_AreReadRowByRow()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var file = $"lastName;firstName;accountId;email\nLovelace;Ada;{s.Account.Id};ada@example.com\nByron;;{s.Account.Id};;x;y\nKing;\n";

        var report = await host.Get<CsvImporter>().ImportAsync(ImportResource.Contacts, new StringReader(file), new ImportOptions { ValidRowsOnly = true }, s.Rep);

        Assert.Equal((3, 1), (report.RowsRead, report.RowsImported));
        Assert.Equal([
            new ImportError(3, null, "The row has 6 cells where the header has 4 columns (a stray comma or quote?)."),
            new ImportError(4, null, "The row has 2 cells where the header has 4 columns (a stray comma or quote?)."),
        ], report.Errors);
        await using var db = await host.OpenAsync();
        var contact = await db.Contacts.SingleAsync();
        Assert.Equal(("Ada", "Lovelace", s.Rep.UserId), (contact.FirstName, contact.LastName, contact.OwnerId));
    }

    [Fact]
    public async Task Import_LongFiles_ReportProgressAsTheyGo()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var file = "name\n" + string.Concat(Enumerable.Range(1, 250).Select(i => i == 150 ? "\"\"\n" : $"Lead {i}\n"));
        var progress = new Recorder();

        var report = await host.Get<CsvImporter>().ImportAsync(ImportResource.Leads, new StringReader(file), new ImportOptions { ValidRowsOnly = true }, s.Rep, progress);

        Assert.Equal([new ImportProgress(100, 100, 0), new ImportProgress(200, 199, 1), new ImportProgress(250, 249, 1)], progress.Reports);
        Assert.Equal(new ImportError(151, "name", "A lead needs a name."), Assert.Single(report.Errors));
        Assert.Equal(249, report.RowsImported);
    }

    /// <summary>Progress as reported, in order (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class Recorder : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }
}
