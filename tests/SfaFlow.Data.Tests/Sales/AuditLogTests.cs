using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Auditing;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class AuditLogTests
{
    [Fact]
    public async Task ARecordsChanges_AreReadWithinTheRecordsScope_TheWholeLogByAdminsOnly()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var log = host.Get<AuditLog>();
        var lead = await host.Get<LeadService>().CreateAsync(new LeadFields { Name = "Ada Lovelace" }, s.Rep);
        var account = await host.Get<AccountService>().CreateAsync(new AccountFields { Name = "Gone Ltd" }, s.Rep);
        await host.Get<AccountService>().DeleteAsync(account.Id, null, s.Rep);
        var ofLead = new AuditQuery { RecordType = "lead", RecordId = lead.Id };

        var byOwner = await log.ReadAsync(ofLead, s.Rep);
        var byManager = await log.ReadAsync(ofLead, s.Manager);
        var deletedByAdmin = await log.ReadAsync(new AuditQuery { RecordType = nameof(Account), RecordId = account.Id }, admin);

        Assert.Equal(("Lead", "Created", "rep"), (Assert.Single(byOwner.Items).RecordType, byOwner.Items[0].Change, byOwner.Items[0].ByDisplayName));
        Assert.Equal(1, byManager.Total);
        Assert.Equal(["Deleted", "Created"], deletedByAdmin.Items.Select(e => e.Change));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => log.ReadAsync(ofLead, s.OtherRep));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => log.ReadAsync(new AuditQuery { RecordType = nameof(Account), RecordId = account.Id }, s.Rep));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => log.ReadAsync(new AuditQuery(), s.Manager));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => log.ReadAsync(new AuditQuery { RecordType = nameof(SalesUser), RecordId = s.Rep.UserId }, s.Manager));
        Assert.Equal("recordType", Assert.Single((await Assert.ThrowsAsync<InvalidListQueryException>(() => log.ReadAsync(new AuditQuery { RecordType = "StageVisit", RecordId = 1 }, admin))).Violations).Field);
    }

    [Fact]
    public async Task WholeLog_IsNewestFirst_InPages_AndADateAloneAsToMeansThatWholeDay()
    {
        await using var host = await SalesHost.CreateAsync();
        var admin = await Admins.CreateAsync(host);
        var regions = host.Get<RegionService>();
        var emea = await regions.CreateAsync(new RegionFields("EMEA"), admin);
        host.Clock.Advance(TimeSpan.FromHours(10)); // 19:00 on the 27th: later that day than the date alone reads
        await regions.UpdateAsync(emea.Id, new RegionFields("Europe"), null, admin);
        host.Clock.Advance(TimeSpan.FromHours(10)); // 05:00 on the 28th
        await regions.CreateAsync(new RegionFields("APAC"), admin);
        var log = host.Get<AuditLog>();

        var firstDay = await log.ReadAsync(AuditQuery.FromParameters(Parameters(("recordType", "Region"), ("to", "2026-11-27"))), admin);
        var secondDay = await log.ReadAsync(AuditQuery.FromParameters(Parameters(("recordType", "Region"), ("from", "2026-11-28"))), admin);
        var page2 = await log.ReadAsync(AuditQuery.FromParameters(Parameters(("recordType", "Region"), ("byUserId", $"{admin.UserId}"), ("page", "2"), ("pageSize", "2"))), admin);

        Assert.Equal([("Updated", "Name"), ("Created", null)], firstDay.Items.Select(e => (e.Change, e.Field)));
        Assert.Equal(("Created", emea.Id + 1), (Assert.Single(secondDay.Items).Change, secondDay.Items[0].RecordId));
        Assert.Equal((3, emea.Id), (page2.Total, Assert.Single(page2.Items).RecordId));
    }

    private static KeyValuePair<string, string?>[] Parameters(params (string Name, string Value)[] values) =>
        [.. values.Select(v => KeyValuePair.Create(v.Name, (string?)v.Value))];
}
