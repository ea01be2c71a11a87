using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class ActivityRulesTests
{
    [Fact]
    public async Task Plan_InvalidFields_ReportsEveryViolationByField()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var activities = host.Get<SalesActivityService>();
        await using var db = await host.OpenAsync();
        var othersDeal = await db.Opportunities.SingleAsync(o => o.Name == "Delta");
        var start = host.Clock.GetUtcNow().AddDays(1);

        var unlinked = await Assert.ThrowsAsync<RuleViolationException>(() => activities.PlanAsync(new ActivityFields { Kind = ActivityKind.Meeting, Subject = " " }, s.Rep));
        var badLinks = await Assert.ThrowsAsync<RuleViolationException>(() => activities.PlanAsync(new ActivityFields
        {
            Kind = ActivityKind.Call, Subject = "Call", StartAt = start, EndAt = start.AddHours(-1), ContactId = 999, OpportunityId = othersDeal.Id,
        }, s.Rep));

        Assert.Equal(["subject", "startAt", "leadId"], unlinked.Violations.Select(v => v.Field));
        Assert.Equal(["endAt", "contactId", "opportunityId"], badLinks.Violations.Select(v => v.Field));
        Assert.Equal($"There is no deal {othersDeal.Id}.", badLinks.Violations[2].Message);
    }

    [Fact]
    public async Task Complete_MarksItDoneWithItsOutcome_AndMovesTheDealsLastActivity()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var deal = await host.Get<OpportunityService>().CreateAsync(Deals.Fields(s, "Engines", 1m, "EUR", new DateOnly(2027, 1, 1)), new(), s.Rep);
        var activities = host.Get<SalesActivityService>();
        var call = await activities.PlanAsync(new ActivityFields { Kind = ActivityKind.Call, Subject = "Follow up", Notes = "Ask about budget", OpportunityId = deal.Id }, s.Rep);
        host.Clock.Advance(TimeSpan.FromHours(5));

        var needsOutcome = await Assert.ThrowsAsync<RuleViolationException>(() => activities.CompleteAsync(call.Id, new ActivityOutcome(" "), call.Version, s.Rep));
        var done = await activities.CompleteAsync(call.Id, new ActivityOutcome("Interested", "Wants a demo"), call.Version, s.Rep);
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => activities.CompleteAsync(call.Id, new ActivityOutcome("Interested"), null, s.Rep));

        Assert.Equal("outcome", Assert.Single(needsOutcome.Violations).Field);
        Assert.Equal((ActivityStatus.Done, host.Clock.GetUtcNow(), "Interested", "Ask about budget\nWants a demo", s.Rep.UserId),
            (done.Status, done.CompletedAt, done.Outcome, done.Notes, done.CreatedByUserId));
        Assert.Contains("is done; only planned activities are completed", again.Message, StringComparison.Ordinal);
        await using var db = await host.OpenAsync();
        Assert.Equal(host.Clock.GetUtcNow(), (await db.Opportunities.SingleAsync()).LastActivityAt);
    }

    [Fact]
    public async Task Log_RecordsADoneActivity_AndCancelAndDeleteFollowTheStatus()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var activities = host.Get<SalesActivityService>();

        var logged = await activities.LogAsync(new ActivityFields { Kind = ActivityKind.Email, Subject = "Sent brochure", AccountId = s.Account.Id }, new ActivityOutcome("Sent"), s.Rep);
        var planned = await activities.PlanAsync(new ActivityFields { Kind = ActivityKind.Visit, Subject = "On site", AccountId = s.Account.Id, StartAt = host.Clock.GetUtcNow().AddDays(2) }, s.Rep);
        var cancelled = await activities.CancelAsync(planned.Id, "Customer postponed", planned.Version, s.Rep);
        await activities.DeleteAsync(logged.Id, null, s.Rep);

        Assert.Equal((ActivityStatus.Done, "Sent"), (logged.Status, logged.Outcome));
        Assert.Equal(ActivityStatus.Cancelled, cancelled.Status);
        await Assert.ThrowsAsync<RuleViolationException>(() => activities.CompleteAsync(planned.Id, new ActivityOutcome("Done"), null, s.Rep));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => activities.CancelAsync(planned.Id, null, null, s.OtherRep));
        await using var db = await host.OpenAsync();
        Assert.Equal("Customer postponed", (await db.AuditEntries.SingleAsync(a => a.RecordType == "SalesActivity" && a.RecordId == planned.Id && a.Field == "Status")).Reason);
    }
}
