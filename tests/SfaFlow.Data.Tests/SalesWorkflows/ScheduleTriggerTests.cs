using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Data.Tests.Sales;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
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

    [Fact]
    public async Task TheConditionSeesWhatWasDoneOnEachDeal_AsGatesDo()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var world = new TriggerWorld(host);
        var deals = host.Get<OpportunityService>();
        var sent = await deals.CreateAsync(Deals.Fields(s, "Proposal sent", 1000m, "EUR", new DateOnly(2027, 3, 31)), new(), s.Rep);
        var planned = await deals.CreateAsync(Deals.Fields(s, "Proposal planned", 1000m, "EUR", new DateOnly(2027, 3, 31)), new(), s.Rep);
        var activities = host.Get<SalesActivityService>();
        var done = await activities.PlanAsync(new ActivityFields { Kind = ActivityKind.Task, Subject = "Send proposal", OpportunityId = sent.Id }, s.Rep);
        await activities.CompleteAsync(done.Id, new ActivityOutcome("Done"), null, s.Rep);
        await activities.PlanAsync(new ActivityFields { Kind = ActivityKind.Task, Subject = "Send proposal", OpportunityId = planned.Id }, s.Rep);
        await world.PublishAsync("proposals-out",
            [Wf.Activity("morning", "Sfa.Schedule", new()
            {
                ["cronExpression"] = Wf.Literal("0 0 8 * * *"), ["recordType"] = Wf.Literal("Opportunity"),
                ["condition"] = Wf.Literal("opportunity.completedTasks.includes('Send proposal') && opportunity.doneActivities.task === 1"),
            }, canStartWorkflow: true)],
            []);
        var trigger = (await host.Get<IWorkflowDefinitionStore>().ListScheduledTriggersAsync()).Single(t => t.DefinitionId == "proposals-out");
        var from = host.Clock.GetUtcNow();

        await world.Runtime.FireTriggerOccurrencesAsync(trigger, from, from.AddDays(1));

        Assert.Equal($"opportunity:{sent.Id}", Assert.Single(await world.InstancesAsync("proposals-out")).CorrelationId);
    }

    [Fact]
    public async Task TheCronHours_AreInTheTriggersTimeZone_AndAnUnknownZoneIsRefusedAtPublication()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var world = new TriggerWorld(host);
        await host.Get<OpportunityService>().CreateAsync(Deals.Fields(s, "Alpha", 1000m, "EUR", new DateOnly(2027, 3, 31)), new(), s.Rep);
        await world.PublishAsync("berlin-mornings", [Morning("Europe/Berlin")], []);
        var trigger = (await host.Get<IWorkflowDefinitionStore>().ListScheduledTriggersAsync()).Single(t => t.DefinitionId == "berlin-mornings");
        var friday = host.Clock.GetUtcNow();

        // Friday 27 November 2026, 09:00 UTC: the next weekday 08:00 in Berlin (UTC+1 in winter) is Monday 07:00 UTC.
        var beforeBerlinsEight = await world.Runtime.FireTriggerOccurrencesAsync(trigger, friday, new DateTimeOffset(2026, 11, 30, 6, 59, 59, TimeSpan.Zero));
        var atBerlinsEight = await world.Runtime.FireTriggerOccurrencesAsync(trigger, friday, new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        var mars = await Record.ExceptionAsync(() => world.PublishAsync("mars-mornings", [Morning("Mars/Olympus_Mons")], []));

        Assert.Equal(("Europe/Berlin", 0, 1), (trigger.TimeZone, beforeBerlinsEight, atBerlinsEight));
        Assert.Contains("'Mars/Olympus_Mons' is not a time zone", Assert.IsType<WorkflowDefinitionException>(mars).ToString(), StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonObject Morning(string timeZone) => Wf.Activity("morning", "Sfa.Schedule", new()
    {
        ["cronExpression"] = Wf.Literal("0 0 8 * * 1-5"), ["timeZone"] = Wf.Literal(timeZone), ["recordType"] = Wf.Literal("Opportunity"),
    }, canStartWorkflow: true);

    [Fact]
    public async Task AnOccurrenceFiredAgainAfterACrashMidway_StartsEachRecordsWorkflowExactlyOnce()
    {
        using var crash = new CancellationTokenSource();
        var sink = new CrashingSink(crash);
        await using var host = await SalesHost.CreateAsync(services => services.AddSingleton<ITextSink>(sink));
        var s = await SalesScenario.CreateAsync(host);
        var world = new TriggerWorld(host);
        var deals = host.Get<OpportunityService>();
        var names = new Dictionary<string, string>();
        foreach (var name in new[] { "Alpha", "Bravo", "Charlie" })
        {
            var deal = await deals.CreateAsync(Deals.Fields(s, name, 1000m, "EUR", new DateOnly(2027, 3, 31)), new(), s.Rep);
            names[$"opportunity:{deal.Id}"] = name;
        }

        await world.PublishAsync("each-deal",
            [Wf.Activity("morning", "Sfa.Schedule", new()
            {
                ["cronExpression"] = Wf.Literal("0 0 8 * * *"), ["recordType"] = Wf.Literal("Opportunity"), ["query"] = Wf.Literal("status=Open"),
            }, canStartWorkflow: true),
             Wf.WriteLineJs("say", "getOutputFrom('morning', 'Record').name")],
            [Wf.Connect("morning", "say")]);
        var trigger = (await host.Get<IWorkflowDefinitionStore>().ListScheduledTriggersAsync()).Single(t => t.DefinitionId == "each-deal");
        var from = host.Clock.GetUtcNow();

        // The runtime claims the occurrence, starts the first deal's workflow, and dies while running the second's.
        sink.CrashOn = "Bravo";
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Runtime.FireTriggerOccurrencesAsync(trigger, from, from.AddDays(1), crash.Token));
        var beforeTheCrash = await world.InstancesAsync("each-deal");
        Assert.Equal(["Alpha"], beforeTheCrash.Select(i => names[i.CorrelationId!]));

        // Its claim on the occurrence expires; recovery (here, or in any runtime) fires the same occurrence again.
        sink.CrashOn = null;
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await world.Runtime.RecoverAsync();
        await world.Runtime.RecoverAsync();
        var again = await world.Runtime.FireTriggerOccurrencesAsync(trigger, from, from.AddDays(1));

        var instances = await world.InstancesAsync("each-deal");
        Assert.Equal(["Alpha", "Bravo", "Charlie"], instances.Select(i => names[i.CorrelationId!]).Order());
        Assert.All(instances, i => Assert.Equal(WorkflowSubStatus.Finished, i.SubStatus));
        Assert.Equal(beforeTheCrash[0].Id, instances.Single(i => names[i.CorrelationId!] == "Alpha").Id);
        Assert.Equal(0, again);
        // Alpha's committed run is not repeated; Bravo's run died before its commit, so it ran again (at least once, committed once).
        Assert.Equal(1, sink.Lines.Count(l => l == "Alpha"));
        Assert.Equal(1, sink.Lines.Count(l => l == "Charlie"));
    }

    /// <summary>Collects what workflows write, and cancels the runtime's token when a given line is written: a process dying mid-run.</summary>
    private sealed class CrashingSink(CancellationTokenSource crash) : ITextSink
    {
        public List<string?> Lines { get; } = [];

        public string? CrashOn { get; set; }

        public void WriteLine(string? text)
        {
            Lines.Add(text);
            if (text == CrashOn)
            {
                crash.Cancel();
            }
        }
    }
}
