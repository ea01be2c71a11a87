using System.Text.Json.Nodes;
using SfaFlow.Data.Tests.Sales;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Data.Tests.SalesWorkflows.TriggerWorld;

namespace SfaFlow.Data.Tests.SalesWorkflows;

/// <summary>The SFA triggers: record events start workflows correlated to the record, filtered before anything is stored.</summary>
public sealed class SfaTriggerTests
{
    [Fact]
    public async Task LeadCreated_StartsOneWorkflowPerLeadItsConditionPicks_CorrelatedToTheLead()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var world = new TriggerWorld(host);
        await world.PublishAsync("web-leads",
            [Trigger("created", "Sfa.LeadCreated", new() { ["condition"] = Wf.Literal("lead.source == 'Web'") }), SetVariableJs("keep", "Lead", "getOutputFrom('created', 'Lead').name")],
            [Wf.Connect("created", "keep")], [Wf.Variable("Lead", "String")]);
        var leads = host.Get<LeadService>();

        var web = await leads.CreateAsync(new LeadFields { Name = "Ada Lovelace", Source = "Web" }, s.Rep);
        await leads.CreateAsync(new LeadFields { Name = "Charles Babbage", Source = "Phone" }, s.Rep);
        await world.DispatchAsync();

        var started = Assert.Single(await world.InstancesAsync("web-leads"));
        Assert.Equal(($"lead:{web.Id}", WorkflowSubStatus.Finished, "Ada Lovelace"), (started.CorrelationId, started.SubStatus, started.Variables["Lead"]?.ToString()));
    }

    [Fact]
    public async Task StageChanged_StartsOnlyForTheStagesNamed_AndWaitingMidFlowSkipsOtherMoves()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var world = new TriggerWorld(host);
        await world.PublishAsync("on-proposal",
            [Trigger("moved", "Sfa.OpportunityStageChanged", new() { ["toStages"] = Wf.Literal("Proposal"), ["condition"] = Wf.Literal("opportunity.amount >= 1") }),
             Wf.Activity("negotiating", "Sfa.OpportunityStageChanged", new() { ["toStages"] = Wf.Literal("Negotiation") }),
             SetVariableJs("keep", "From", "getOutputFrom('negotiating', 'FromStage')")],
            [Wf.Connect("moved", "negotiating"), Wf.Connect("negotiating", "keep")], [Wf.Variable("From", "String")]);
        var deals = host.Get<OpportunityService>();
        var deal = await deals.CreateAsync(Deals.Fields(s, "Engines", 1200m, "EUR", new DateOnly(2027, 3, 31)), new(), s.Rep);

        await deals.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Qualification").Id), s.Rep);
        await world.DispatchAsync();
        var beforeProposal = await world.InstancesAsync("on-proposal");
        await deals.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Proposal").Id), s.Rep);
        await world.DispatchAsync();
        var waiting = Assert.Single(await world.InstancesAsync("on-proposal"));
        await host.Get<SalesActivityService>().LogAsync(
            new ActivityFields { Kind = ActivityKind.Task, Subject = "Send proposal", OpportunityId = deal.Id }, new ActivityOutcome("Sent"), s.Rep);
        await deals.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Negotiation").Id), s.Rep);
        await world.DispatchAsync();

        Assert.Empty(beforeProposal);
        Assert.Equal(($"opportunity:{deal.Id}", WorkflowSubStatus.Suspended), (waiting.CorrelationId, waiting.SubStatus));
        var finished = Assert.Single(await world.InstancesAsync("on-proposal"));
        Assert.Equal((WorkflowSubStatus.Finished, "Proposal"), (finished.SubStatus, finished.Variables["From"]?.ToString()));
    }

    [Fact]
    public async Task RecordUpdated_StartsWhenANamedFieldChanges_AndTheConditionOverOldAndNewHolds()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var world = new TriggerWorld(host);
        await world.PublishAsync("score-jump",
            [Trigger("changed", "Sfa.RecordUpdated", new()
            {
                ["recordType"] = Wf.Literal("Lead"), ["changedFields"] = Wf.Literal("score"),
                ["condition"] = Wf.Literal("Number(after.score || 0) - Number(before.score || 0) >= 20"),
            }),
             SetVariableJs("keep", "Score", "getOutputFrom('changed', 'Changes').score.new")],
            [Wf.Connect("changed", "keep")], [Wf.Variable("Score", "Object")]);
        var leads = host.Get<LeadService>();
        var lead = await leads.CreateAsync(new LeadFields { Name = "Ada", Score = 10 }, s.Rep);

        await leads.UpdateAsync(lead.Id, new LeadFields { Name = "Ada", Score = 20, Company = "Engines" }, null, s.Rep);
        await leads.UpdateAsync(lead.Id, new LeadFields { Name = "Ada Lovelace", Score = 20, Company = "Engines" }, null, s.Rep);
        await world.DispatchAsync();
        var afterSmallSteps = await world.InstancesAsync("score-jump");
        await leads.UpdateAsync(lead.Id, new LeadFields { Name = "Ada Lovelace", Score = 45, Company = "Engines" }, null, s.Rep);
        await world.DispatchAsync();

        Assert.Empty(afterSmallSteps);
        var started = Assert.Single(await world.InstancesAsync("score-jump"));
        Assert.Equal(($"lead:{lead.Id}", "45"), (started.CorrelationId, started.Variables["Score"]?.ToString()));
    }

    [Fact]
    public async Task ActivityCompleted_StartsForTheKindsAndOutcomesNamed_AndABrokenConditionStartsNothing()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var world = new TriggerWorld(host);
        await world.PublishAsync("good-calls",
            [Trigger("done", "Sfa.ActivityCompleted", new() { ["kinds"] = Wf.Literal("Call"), ["outcomes"] = Wf.Literal("Interested, Call back") }), Wf.WriteLine("say", "follow up")],
            [Wf.Connect("done", "say")]);
        await world.PublishAsync("broken",
            [Trigger("done", "Sfa.ActivityCompleted", new() { ["condition"] = Wf.Literal("activity.nope.deeper == 1") }), Wf.WriteLine("say", "never")],
            [Wf.Connect("done", "say")]);
        var activities = host.Get<SalesActivityService>();
        var lead = await host.Get<LeadService>().CreateAsync(new LeadFields { Name = "Ada" }, s.Rep);

        var interested = await activities.LogAsync(new ActivityFields { Kind = ActivityKind.Call, Subject = "First call", LeadId = lead.Id }, new ActivityOutcome("interested"), s.Rep);
        await activities.LogAsync(new ActivityFields { Kind = ActivityKind.Call, Subject = "Second call", LeadId = lead.Id }, new ActivityOutcome("No answer"), s.Rep);
        await activities.LogAsync(new ActivityFields { Kind = ActivityKind.Meeting, Subject = "Meeting", LeadId = lead.Id, StartAt = host.Clock.GetUtcNow() }, new ActivityOutcome("Interested"), s.Rep);
        await world.DispatchAsync();

        Assert.Equal([$"activity:{interested.Id}"], (await world.InstancesAsync("good-calls")).Select(i => i.CorrelationId));
        Assert.Empty(await world.InstancesAsync("broken"));
    }

    [Fact]
    public async Task Catalog_ListsTheSfaTriggersWithTheirMetadata()
    {
        await using var host = await SalesHost.CreateAsync();
        var registry = host.Get<ActivityRegistry>();

        var stageChanged = registry.Find("Sfa.OpportunityStageChanged")!;

        Assert.Equal((SfaFlow.Plugins.Activities.ActivityKind.Trigger, "Sales triggers", "Deal stage changed", "SfaFlow.Sales"),
            (stageChanged.Kind, stageChanged.Category, stageChanged.DisplayName, stageChanged.Source));
        Assert.Equal(["pipeline", "fromStages", "toStages", "condition"], stageChanged.Inputs.Select(i => i.Name));
        Assert.All(["Sfa.LeadCreated", "Sfa.RecordUpdated", "Sfa.ActivityCompleted"], key => Assert.NotNull(registry.Find(key)?.Description));
    }

    private static JsonObject Trigger(string id, string type, JsonObject properties) => Wf.Activity(id, type, properties, canStartWorkflow: true);
}
