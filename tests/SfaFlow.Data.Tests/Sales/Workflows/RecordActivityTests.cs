using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Opportunities;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Sales.Workflows;

/// <summary>Sfa.SetStage, Sfa.LogActivity and Sfa.ScheduleActivity in published workflows on a real deal.</summary>
public sealed class RecordActivityTests
{
    private static async Task<(SalesHost Host, SalesScenario Scenario, Opportunity Deal)> DealInProposalAsync()
    {
        var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var deals = host.Get<OpportunityService>();
        var deal = await deals.CreateAsync(Deals.Fields(s, "Alpha", 1000m, "EUR", new DateOnly(2027, 1, 15)), new(), s.Rep);
        await deals.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Qualification").Id), s.Rep);
        await deals.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Proposal").Id), s.Rep);
        return (host, s, deal);
    }

    [Fact]
    public async Task SetStage_RefusedByTheGate_ContinuesOnRefused_WithTheReason_AndLeavesATrace()
    {
        var (host, s, deal) = await DealInProposalAsync();
        await using var _ = host;

        var run = await SalesWorkflow.RunAsync(host, $"opportunity:{deal.Id}", Activity("move", "Sfa.SetStage", new() { ["stage"] = Literal("negotiation") }), "Moved", "Refused");

        Assert.Equal("Refused", run.Port());
        Assert.Equal([SalesScenario.ProposalGateMessage], Assert.IsAssignableFrom<IEnumerable<string>>(run.OutputOf("move", "reasons")));
        await using var db = await host.OpenAsync();
        Assert.Equal(s.StageNamed("Proposal").Id, (await db.Opportunities.SingleAsync(o => o.Id == deal.Id)).StageId);
        var trace = Assert.Single(await db.DecisionTraces.Where(t => t.RecordType == "opportunity" && t.RecordId == deal.Id).ToListAsync());
        Assert.Equal((DecisionKind.StageGate, "Negotiation", "Refused", run.Id, (long?)null), (trace.Kind, trace.Subject, trace.Result, trace.WorkflowInstanceId, trace.ByUserId));
        var gate = Assert.Single(trace.ReadRules());
        Assert.Equal(0, gate.ValuesRead!["opportunity.completedTasks"].GetArrayLength());
        Assert.Equal($"Gate of stage 'Negotiation' refused the deal: {SalesScenario.ProposalGateMessage} (opportunity.completedTasks was [].)", gate.Message);
    }

    [Fact]
    public async Task SetStage_ByName_Moves_WhenTheGateIsMet()
    {
        var (host, s, deal) = await DealInProposalAsync();
        await using var _ = host;
        var task = await host.Get<SalesActivityService>().PlanAsync(new ActivityFields { Kind = ActivityKind.Task, Subject = "Send proposal", OpportunityId = deal.Id }, s.Rep);
        await host.Get<SalesActivityService>().CompleteAsync(task.Id, new ActivityOutcome("Sent"), null, s.Rep);

        var run = await SalesWorkflow.RunAsync(host, $"opportunity:{deal.Id}", Activity("move", "Sfa.SetStage", new() { ["stage"] = Literal("Negotiation") }), "Moved", "Refused");

        Assert.Equal("Moved", run.Port());
        await using var db = await host.OpenAsync();
        Assert.Equal(s.StageNamed("Negotiation").Id, (await db.Opportunities.SingleAsync(o => o.Id == deal.Id)).StageId);
        Assert.Equal("Moved", (await db.DecisionTraces.SingleAsync(t => t.RecordId == deal.Id)).Result);
    }

    [Fact]
    public async Task StageMoveByAPerson_Refused_LeavesATraceByThatPerson()
    {
        var (host, s, deal) = await DealInProposalAsync();
        await using var _ = host;

        await Assert.ThrowsAsync<SfaFlow.Sales.Records.RuleViolationException>(() =>
            host.Get<OpportunityService>().MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Negotiation").Id), s.Rep));

        var page = await host.Get<DecisionTraces>().ReadAsync("opportunity", deal.Id, 1, 50, s.Rep);
        var trace = Assert.Single(page.Items);
        Assert.Equal((s.Rep.UserId, (string?)null), (trace.ByUserId!.Value, trace.WorkflowInstanceId));
        Assert.StartsWith("Moving 'Alpha' to 'Negotiation' was refused: Gate of stage 'Negotiation' refused the deal", trace.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogActivity_RecordsADoneCallOnTheDeal_OwnedByTheDealsOwner()
    {
        var (host, s, deal) = await DealInProposalAsync();
        await using var _ = host;

        var run = await SalesWorkflow.RunAsync(host, $"opportunity:{deal.Id}", Activity("log", "Sfa.LogActivity", new()
        {
            ["kind"] = Literal("Call"), ["subject"] = Literal("Follow-up call"), ["outcome"] = Literal("Reached"),
        }), "Done");

        Assert.Equal("Done", run.Port());
        await using var db = await host.OpenAsync();
        var logged = await db.Activities.SingleAsync(a => a.OpportunityId == deal.Id);
        Assert.Equal((ActivityKind.Call, ActivityStatus.Done, "Reached", s.Rep.UserId, s.Account.Id),
            (logged.Kind, logged.Status, logged.Outcome, logged.OwnerId, logged.AccountId!.Value));
    }

    [Fact]
    public async Task ScheduleActivity_InOneBusinessDay_AtTen_SkipsTheWeekend()
    {
        var (host, s, deal) = await DealInProposalAsync();
        await using var _ = host;

        // The clock says Friday 27 November 2026, 09:00 UTC: one business day later is Monday.
        var run = await SalesWorkflow.RunAsync(host, $"opportunity:{deal.Id}", Activity("plan", "Sfa.ScheduleActivity", new()
        {
            ["kind"] = Literal("Meeting"), ["subject"] = Literal("Demo"), ["inBusinessDays"] = Literal(1, "Int32"),
            ["timeOfDay"] = Literal("10:00:00", "TimeSpan"), ["duration"] = Literal("01:00:00", "TimeSpan"),
        }), "Done");

        Assert.Equal("Done", run.Port());
        await using var db = await host.OpenAsync();
        var planned = await db.Activities.SingleAsync(a => a.OpportunityId == deal.Id);
        Assert.Equal((ActivityStatus.Planned, s.Rep.UserId), (planned.Status, planned.OwnerId));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), planned.StartAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero), planned.EndAt);
        Assert.Equal(planned.Id, Convert.ToInt64(run.OutputOf("plan", "activityId"), CultureInfo.InvariantCulture));
    }
}
