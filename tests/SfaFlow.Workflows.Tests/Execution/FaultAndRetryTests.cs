using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Scripting;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Execution;

/// <summary>Faults become incidents; the default strategy stops the instance, a retry runs the activity again.</summary>
public sealed class FaultAndRetryTests
{
    [Fact]
    public async Task Fault_EndsTheInstanceFaultedWithAnIncident()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Activity("fault", "Elsa.Fault", new() { ["code"] = Literal("110002"), ["message"] = Literal("that went south") }), WriteLine("never", "never")],
            [Connect("start", "fault"), Connect("fault", "never")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (instance.Status, instance.SubStatus));
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(("fault", "Elsa.Fault", "that went south"), (incident.ActivityId, incident.ActivityType, incident.Message));
        Assert.Equal(ActivityStatus.Faulted, instance.Journal.Single(j => j.ActivityId == "fault").Status);
        Assert.Empty(engine.Lines.Lines);
    }

    [Fact]
    public async Task Fault_StopsTheBurstAndKeepsTheQueuedWorkForARetry()
    {
        var calls = 0;
        using var engine = new TestEngine(configure: services => services.AddSingleton(_ =>
        {
            var functions = new ScriptFunctionRegistry();
            functions.Register(new ScriptFunction("flaky", (_, _) => ++calls == 1 ? throw new InvalidOperationException("CRM offline") : "ok"));
            return functions;
        }));
        var definition = Definition(
            [Start(), WriteLineJs("call", "'crm: ' + flaky()"), WriteLine("sibling", "sibling"), WriteLine("after", "after")],
            [Connect("start", "call"), Connect("start", "sibling"), Connect("call", "after")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains("flaky failed: CRM offline", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
        Assert.Empty(engine.Lines.Lines);
        Assert.Single(instance.PendingWork);

        instance = await engine.Engine.RetryAsync(definition, instance);

        Assert.Equal(["crm: ok", "sibling", "after"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        var attempts = instance.Journal.Where(j => j.ActivityId == "call").ToList();
        Assert.Equal([ActivityStatus.Faulted, ActivityStatus.Completed], attempts.Select(a => a.Status));
    }

    [Fact]
    public async Task Retry_WithoutAFaultedActivity_IsRefused()
    {
        using var engine = new TestEngine();
        var definition = Definition([Event("e", "Go")]);
        var instance = await engine.StartAsync(definition);

        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Engine.RetryAsync(definition, instance));
    }

    [Fact]
    public async Task ContinueWithIncidents_LetsOtherBranchesCarryOn()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Activity("fault", "Elsa.Fault", new() { ["message"] = Literal("bad") }), WriteLine("other", "other"), Event("wait", "Later")],
            [Connect("start", "fault"), Connect("start", "other"), Connect("other", "wait")],
            options: new JsonObject { ["incidentStrategyType"] = "Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core" });

        var instance = await engine.StartAsync(definition);

        Assert.Equal(["other"], engine.Lines.Lines);
        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Suspended), (instance.Status, instance.SubStatus));
        Assert.Single(instance.Incidents);
        Assert.Single(instance.Bookmarks);
    }

    [Fact]
    public async Task UnknownActivityType_IsKeptAndFaultsOnlyWhenReached()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Decision("d", "false"), Activity("mystery", "Acme.DoMagic", new() { ["spell"] = Literal("abracadabra") }), WriteLine("safe", "safe")],
            [Connect("start", "d"), Connect("d", "mystery", "True"), Connect("d", "safe", "False")]);
        var reaching = Definition([Activity("mystery", "Acme.DoMagic")]);

        var skipped = await engine.StartAsync(definition);
        var reached = await engine.StartAsync(reaching);

        Assert.Equal(WorkflowSubStatus.Finished, skipped.SubStatus);
        Assert.Equal(WorkflowSubStatus.Faulted, reached.SubStatus);
        Assert.Equal(
            "Activity type 'Acme.DoMagic' is provided by no built-in activity, workflow or loaded plugin: is plugin 'Acme' installed and loaded " +
            "(GET /api/plugins lists every plugin, and why one failed)? Once it is, retry the instance.",
            Assert.Single(reached.Incidents).Message);
        Assert.Contains(engine.Engine.Validate(reaching), d => d.Severity == SfaFlow.Workflows.Definitions.DiagnosticSeverity.Warning && d.Path == "$.root.activities[0].type");
    }

    [Fact]
    public async Task InputThatCannotBeConverted_FaultsWithAClearMessage()
    {
        using var engine = new TestEngine();
        var definition = Definition([Activity("wait", "Elsa.Delay", new() { ["timeSpan"] = Js("'soon'", "TimeSpan") })]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains("Cannot read 'soon' as TimeSpan", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finish_InsideANestedFlowchart_EndsTheWholeInstance()
    {
        using var engine = new TestEngine();
        var inner = Flowchart("inner", [WriteLine("i", "inner"), Activity("finish", "Elsa.Finish")], [Connect("i", "finish")]);
        var definition = Definition(
            [Start(), FlowNode("node", inner), Event("wait", "Never"), WriteLine("after", "after")],
            [Connect("start", "wait"), Connect("start", "node"), Connect("node", "after")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(["inner"], engine.Lines.Lines);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (instance.Status, instance.SubStatus));
        Assert.Empty(instance.Bookmarks);
    }
}
