using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Auditing;
using SfaFlow.Sales.Leads;

namespace SfaFlow.Data.Tests.Sales;

public sealed class SalesDatabaseTests
{
    [Fact]
    public async Task Save_NewAndChangedRecords_StampsVersionsAndAuditsEachChangedField()
    {
        await using var host = await SalesHost.CreateAsync();
        var rep = await host.AddUserAsync("rep");
        long leadId;
        await using (var db = await host.OpenAsync())
        {
            var lead = new Lead { Name = "Ada Lovelace", Company = "Analytical Engines", OwnerId = rep.Id, CustomFields = { ["budget"] = "50k" } };
            db.Leads.Add(lead);
            db.Actor = ChangeActor.User(rep.Id);
            await db.SaveChangesAsync();
            leadId = lead.Id;
            Assert.Equal(1, lead.Version);
        }

        host.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = await host.OpenAsync())
        {
            var lead = await db.Leads.SingleAsync(l => l.Id == leadId);
            lead.Status = LeadStatus.Working;
            lead.Score = 40;
            db.Actor = ChangeActor.User(rep.Id, "first call");
            await db.SaveChangesAsync();
            Assert.Equal(2, lead.Version);
        }

        await using (var db = await host.OpenAsync())
        {
            var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == leadId);
            Assert.Equal("50k", lead.CustomFields["budget"]);
            Assert.Equal(host.Clock.GetUtcNow(), lead.UpdatedAt);
            Assert.Equal(host.Clock.GetUtcNow().AddHours(-1), lead.CreatedAt);

            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.RecordType == "Lead" && a.RecordId == leadId).OrderBy(a => a.Id).ToListAsync();
            Assert.Collection(audit,
                created => Assert.Equal(("Created", null, (long?)rep.Id), (created.Change, created.Field, created.ByUserId)),
                score => Assert.Equal(("Score", null, "40", "first call"), (score.Field, score.OldValue, score.NewValue, score.Reason)),
                status => Assert.Equal(("Status", "New", "Working"), (status.Field, status.OldValue, status.NewValue)));
        }
    }

    [Fact]
    public async Task Save_NewRecordWithItsOwnTimes_KeepsThem_WhileItsLaterChangesAreStamped()
    {
        await using var host = await SalesHost.CreateAsync();
        var rep = await host.AddUserAsync("rep");
        var created = new DateTimeOffset(2025, 12, 1, 8, 0, 0, TimeSpan.Zero);
        await using var db = await host.OpenAsync();
        var lead = new Lead { Name = "From last year", OwnerId = rep.Id, CreatedAt = created };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        Assert.Equal((created, created), (lead.CreatedAt, lead.UpdatedAt));

        lead.Score = 5;
        await db.SaveChangesAsync();
        Assert.Equal((created, host.Clock.GetUtcNow()), (lead.CreatedAt, lead.UpdatedAt));
    }

    [Fact]
    public async Task Save_RecordChangedSinceItWasRead_ThrowsAndWritesNothing()
    {
        await using var host = await SalesHost.CreateAsync();
        var rep = await host.AddUserAsync("rep");
        await using (var setup = await host.OpenAsync())
        {
            setup.Leads.Add(new Lead { Name = "Grace Hopper", OwnerId = rep.Id });
            await setup.SaveChangesAsync();
        }

        await using var first = await host.OpenAsync();
        await using var second = await host.OpenAsync();
        var mine = await first.Leads.SingleAsync();
        var theirs = await second.Leads.SingleAsync();
        mine.Score = 10;
        await first.SaveChangesAsync();
        theirs.Score = 99;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = await host.OpenAsync();
        Assert.Equal(10, (await check.Leads.SingleAsync()).Score);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Field == "Score"));
    }

    [Fact]
    public async Task Amounts_AreStoredAsExactFixedPoint_AndSumInTheDatabase()
    {
        await using var host = await SalesHost.CreateAsync();
        await using var db = await host.OpenAsync();
        db.Products.Add(new SfaFlow.Sales.Products.Product { Code = "A", Name = "A", Price = 0.1m, Currency = "EUR" });
        db.Products.Add(new SfaFlow.Sales.Products.Product { Code = "B", Name = "B", Price = 0.2m, Currency = "EUR" });
        db.Products.Add(new SfaFlow.Sales.Products.Product { Code = "C", Name = "C", Price = 1234567.8912m, Currency = "EUR" });
        await db.SaveChangesAsync();

        Assert.Equal(1234568.1912m, await db.Products.SumAsync(p => p.Price));
        Assert.Equal(["C"], await db.Products.Where(p => p.Price > 1000m).Select(p => p.Code).ToListAsync());
    }
}
