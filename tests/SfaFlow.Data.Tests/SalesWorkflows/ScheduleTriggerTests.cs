using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Sales;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Data.Tests.SalesWorkflows.TriggerWorld;

namespace SfaFlow.Data.Tests.SalesWorkflows;

/// <summary>Sfa.Schedule: at each occurrence, one workflow per record its query and condition pick, once however often it fires.</summary>
public sealed class ScheduleTriggerTests
{
    [Fact]
    public async Task EachMorning_OneWorkflowPerStalledDeal_CorrelatedToIt_AndTheOccurrenceStartsThemOnce()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var world = new TriggerWorld(host);
        await using (var db = await host.OpenAsync())
        {
            (await db.Stages.SingleAsync(st => st.Id == s.StageNamed("Prospecting").Id)).StallThresholdDays = 10;
            await db.SaveChangesAsync();
        }

        var deals = host.Get<OpportunityService>();
        var stalled = await deals.CreateAsync(Deals.Fields(s, "Old engines", 1000m, "EUR", new DateOnly(2027, 3, 31)), new(), s.Rep);
        host.Clock.Advance(TimeSpan.FromDays(15));
        await deals.CreateAsync(Deals.Fields(s, "New engines", 1000m, "EUR", new DateOnly(2027, 3, 31)), new(), s.Rep);
        var lost = await deals.CreateAsync(Deals.Fields(s, "Lost engines", 1000m, "EUR", new DateOnly(2027, 3, 31)), new(), s.Rep);
        await deals.LoseAsync(lost.Id, "Price", null, null, s.Rep);
        await world.PublishAsync("stalled-deals",
            [Wf.Activity("morning", "Sfa.Schedule", new()
            {
                ["cronExpression"] = Wf.Literal("0 0 8 * * *"), ["recordType"] = Wf.Literal("Opportunity"),
                ["query"] = Wf.Literal("status=Open"), ["condition"] = Wf.Literal("opportunity.isStalled"),
            }, canStartWorkflow: true),
             SetVariableJs("keep", "Deal", "getOutputFrom('morning', 'Record').name + ' ' + getOutputFrom('morning', 'Record').daysInStage")],
            [Wf.Connect("morning", "keep")], [Wf.Variable("Deal", "String")]);
        var trigger = (await host.Get<IWorkflowDefinitionStore>().ListScheduledTriggersAsync()).Single(t => t.DefinitionId == "stalled-deals");
        var from = host.Clock.GetUtcNow();

        var started = await world.Runtime.FireTriggerOccurrencesAsync(trigger, from, from.AddDays(1));
        var again = await world.Runtime.FireTriggerOccurrencesAsync(trigger, from, from.AddDays(1));

        Assert.Equal((1, 0), (started, again));
        var instance = Assert.Single(await world.InstancesAsync("stalled-deals"));
        Assert.Equal(($"opportunity:{stalled.Id}", "Old engines 15"), (instance.CorrelationId, instance.Variables["Deal"]?.ToString()));
    }
}
