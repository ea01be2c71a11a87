using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Workflows.Runtime.Triggers;

/// <summary>
/// Finds the triggers of a definition, as Elsa indexes them at publish: every activity of the root flowchart whose type is
/// a trigger and whose <c>canStartWorkflow</c> is true. A trigger's inputs must be literals, since they are read once here.
/// Activities that listen to an event under their own type key (<see cref="IEventTrigger"/>) are indexed on that event.
/// </summary>
public sealed class TriggerIndexer(WorkflowEngine engine, TimeProvider clock)
{
    public IReadOnlyList<WorkflowTrigger> Index(WorkflowDefinition definition)
    {
        var plan = engine.Prepare(definition);
        var now = clock.GetUtcNow();
        return [.. plan.Root.Flowchart!.Activities
            .Where(node => node.Node.CanStartWorkflow && node.Descriptor?.Kind == ActivityKind.Trigger)
            .Select(node => Describe(definition, node, now))];
    }

    private static WorkflowTrigger Describe(WorkflowDefinition definition, PlanNode node, DateTimeOffset now)
    {
        var trigger = new WorkflowTrigger
        {
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            ActivityId = node.Id,
            Name = node.Type,
            Hash = BookmarkHasher.Hash(node.Type, new Dictionary<string, object?>()),
            AnchorAt = now,
        };

        switch (node.Type)
        {
            case "Elsa.Event":
                var eventName = Literal<string>(node, "eventName");
                return trigger with
                {
                    Key = eventName,
                    Hash = BookmarkHasher.Hash(node.Type, new Dictionary<string, object?> { ["EventName"] = eventName }),
                };
            case "Elsa.Cron":
                var expression = Literal<string>(node, "cronExpression");
                return trigger with { CronExpression = string.IsNullOrWhiteSpace(expression) ? null : expression.Trim() };
            case "Elsa.Timer":
                return trigger with { Interval = Literal<TimeSpan?>(node, "interval") ?? TimeSpan.FromMinutes(1) };
            case "Elsa.StartAt":
                return trigger with { StartAt = Literal<DateTimeOffset?>(node, "dateTime") };
            case var _ when node.Descriptor!.Activity is IScheduledFanOut fanOut:
                return trigger with
                {
                    CronExpression = fanOut.CronExpression(node.LiteralInputs())?.Trim() is { Length: > 0 } cron ? cron : null,
                    TimeZone = fanOut.TimeZone(node.LiteralInputs()),
                };
            case var _ when node.Descriptor!.Activity is IEventTrigger eventTrigger && eventTrigger.EventName(node.LiteralInputs()) is { } listened:
                // Dispatching the event finds it among the Elsa.Event triggers; the activity's filter runs before a start.
                return trigger with
                {
                    Name = WorkflowRuntime.EventBookmark,
                    Key = listened,
                    Hash = BookmarkHasher.Hash(WorkflowRuntime.EventBookmark, new Dictionary<string, object?> { ["EventName"] = listened }),
                };
            default:
                return trigger;
        }
    }

    /// <summary>A trigger input's value; only literals can be indexed.</summary>
    private static T? Literal<T>(PlanNode node, string input)
    {
        var descriptor = node.Descriptor!.FindInput(input);
        return descriptor is not null && node.Inputs[descriptor.Port.Index] is ConstantInput constant
            ? ValueConverter.Convert<T>(constant.Value)
            : default;
    }
}
