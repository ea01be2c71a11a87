using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Import;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Data.Tests.Sales;

public sealed class CsvImportRowTests
{
    [Fact]
    public async Task Import_ARowRefusedAfterItsFirstSave_LeavesNothingOfItself_NeitherWrittenNorTracked()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        const string file = "name\nfirst\nhalf\nlast\n";

        var report = await host.Get<CsvImporter>().ImportAsync(new HalfRowMap(), "leads", new StringReader(file), new ImportOptions { ValidRowsOnly = true }, s.Rep, null, default);

        Assert.Equal((3, 2), (report.RowsRead, report.RowsImported));
        Assert.Equal(new ImportError(3, "name", "The second half of the row is refused."), Assert.Single(report.Errors));
        await using var db = await host.OpenAsync();
        Assert.Equal(["first", "last"], await db.Leads.OrderBy(l => l.Id).Select(l => l.Name).ToListAsync());
        Assert.Equal([s.Account.Name], await db.Accounts.Select(a => a.Name).ToListAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.RecordType == "Lead" && a.Change == "Created" && a.RecordId > 3));
    }

    /// <summary>
    /// Writes a lead, then (for the row "half") tracks an account and refuses: without a savepoint the lead would stay
    /// written, and without clearing the tracker the next row's save would write the account.
    /// </summary>
    private sealed class HalfRowMap() : ImportMap(["name"], ["name"], [])
    {
        public override async Task CreateAsync(ISalesDatabase db, CsvRow row, SalesPrincipal by, CancellationToken cancellationToken)
        {
            var name = row.Text("name")!;
            db.Leads.Add(new Lead { Name = name, OwnerId = by.UserId });
            await db.SaveChangesAsync(cancellationToken);
            if (name == "half")
            {
                db.Accounts.Add(new Account { Name = "half's account", OwnerId = by.UserId });
                throw new RuleViolationException("name", "The second half of the row is refused.");
            }
        }
    }
}
