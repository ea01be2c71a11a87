using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Outbox;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Outbox;

/// <summary>
/// The outbox tests' small sales world: a workflow that <c>LeadCreated</c> starts, one that waits on
/// <c>StageChanged</c> again and again (a loop, so a repeated event would have something to resume), one that waits on
/// <c>StageChanged</c> at two activities, and helpers to commit events and count what they did.
/// </summary>
internal static class SalesEvents
{
    public const string OnLead = "on-lead";
    public const string StageLoop = "stage-loop";
    public const string TwoWaits = "two-waits";

    public static async Task PublishAllAsync(RuntimeHost host)
    {
        await host.PublishAsync(Named(OnLead, Json(
            [Activity("created", "Elsa.Event", new JsonObject { ["eventName"] = Literal("LeadCreated") }, canStartWorkflow: true),
             WriteLineJs("say", "'started ' + getOutputFrom('created').name + ' ' + getCorrelationId()")],
            [Connect("created", "say")])));
        await host.PublishAsync(Named(StageLoop, Json(
            [Start(), Event("stage", "StageChanged"), WriteLineJs("say", "'stage ' + getWorkflowInstanceId() + ' ' + getOutputFrom('stage').stage")],
            [Connect("start", "stage"), Connect("stage", "say"), Connect("say", "stage")])));
        await host.PublishAsync(Named(TwoWaits, Json(
            [Start(), Event("first", "StageChanged"), Event("second", "StageChanged"), WriteLine("sayFirst", "first"), WriteLine("saySecond", "second")],
            [Connect("start", "first"), Connect("start", "second"), Connect("first", "sayFirst"), Connect("second", "saySecond")])));
    }

    public static DomainEvent LeadCreated(RuntimeHost host, string name, int lead) =>
        DomainEvent.Create("LeadCreated", $"lead:{lead}", new Dictionary<string, object?> { ["name"] = name }, host.Clock.GetUtcNow());

    public static DomainEvent StageChanged(RuntimeHost host, string correlationId, string stage) =>
        DomainEvent.Create("StageChanged", correlationId, new Dictionary<string, object?> { ["stage"] = stage }, host.Clock.GetUtcNow());

    /// <summary>Commits events in one SaveChanges, as a record change would.</summary>
    public static async Task CommitAsync(RuntimeHost host, params DomainEvent[] events)
    {
        await using var db = await host.OpenDbAsync();
        foreach (var domainEvent in events)
        {
            db.AddDomainEvent(domainEvent);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Redelivers an event to a runtime the way the dispatcher hands it over.</summary>
    public static Task<DispatchResult> DeliverAsync(RuntimeHost host, DomainEvent domainEvent) =>
        host.Runtime.DispatchEventAsync(domainEvent.Name, domainEvent.CorrelationId, domainEvent.Payload, domainEvent.Id);

    public static async Task<IReadOnlyList<OutboxMessage>> MessagesAsync(RuntimeHost host)
    {
        await using var db = await host.OpenDbAsync();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Every committed instance of a definition, with its state.</summary>
    public static async Task<IReadOnlyList<WorkflowInstance>> InstancesAsync(RuntimeHost host, string definitionId)
    {
        var page = await host.Instances.ListAsync(new InstanceQuery(PageSize: 500, DefinitionId: definitionId));
        var instances = new List<WorkflowInstance>();
        foreach (var summary in page.Items)
        {
            instances.Add((await host.Instances.FindAsync(summary.Id))!.Instance);
        }

        return instances;
    }

    /// <summary>How often the committed history of an instance says an activity completed.</summary>
    public static int Completions(WorkflowInstance instance, string activityId) =>
        instance.Journal.Count(entry => entry.ActivityId == activityId && entry.Status == ActivityStatus.Completed);

    public static string Named(string definitionId, string json) =>
        json.Replace("\"test\"", $"\"{definitionId}\"", StringComparison.Ordinal).Replace("\"test-v1\"", $"\"{definitionId}-v1\"", StringComparison.Ordinal);
}
