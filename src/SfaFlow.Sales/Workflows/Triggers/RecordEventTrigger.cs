using System.Text.Json;
using System.Text.Json.Nodes;
using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Runtime.Triggers;

namespace SfaFlow.Sales.Workflows.Triggers;

/// <summary>
/// The SFA triggers' common behaviour: each listens to one domain event of the sales records (raised with the change,
/// delivered by the outbox) and filters it by its inputs. As a trigger it starts a workflow correlated to the record
/// (<c>lead:42</c>); placed in the middle of a flow it waits for the next such event of the workflow's record.
/// </summary>
public abstract class RecordEventTrigger : WorkflowActivity, IEventTrigger
{
    /// <summary>The domain event listened to (<c>LeadCreated</c>).</summary>
    protected abstract string EventListened { get; }

    [Output(Description = "The event as it was raised: the record as scripts see it, and what changed.")]
    public Output<object?> Payload { get; } = new();

    public string? EventName(IReadOnlyDictionary<string, object?> settings) => EventListened;

    public abstract bool Accepts(IReadOnlyDictionary<string, object?> settings, object? payload, IServiceProvider services);

    /// <summary>The activity's inputs, evaluated, by input name: what <see cref="Accepts"/> reads when waiting mid-flow.</summary>
    protected abstract IReadOnlyDictionary<string, object?> Settings(IActivityExecutionContext context);

    /// <summary>Sets the outputs a subclass derives from an accepted event (the record).</summary>
    protected virtual void SetOutputs(IActivityExecutionContext context, IReadOnlyDictionary<string, object?> payload)
    {
    }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsTriggerOfThisRun)
        {
            Accept(context, context.TriggerPayload);
            return ValueTask.CompletedTask;
        }

        Wait(context);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, BookmarkResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resumption);
        if (Accepts(Settings(context), resumption.Payload, context.Services))
        {
            Accept(context, resumption.Payload);
        }
        else
        {
            // Not this one (another stage, another field): keep waiting for the next.
            Wait(context);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A setting as text, blank as null.</summary>
    protected static string? Text(IReadOnlyDictionary<string, object?> settings, Input<string?> input)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(input);
        return settings.TryGetValue(input.Name, out var value) && value?.ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
    }

    /// <summary>A payload field as a dictionary (the record views are dictionaries; JSON turns into them too).</summary>
    protected static IReadOnlyDictionary<string, object?> Part(object? payload, string name) =>
        PayloadFields(payload).TryGetValue(name, out var part) && Plain(part) is IReadOnlyDictionary<string, object?> record
            ? record
            : new Dictionary<string, object?>();

    /// <summary>The payload as a dictionary: as raised in this process, or as the outbox hands it over (JSON).</summary>
    protected static IReadOnlyDictionary<string, object?> PayloadFields(object? payload) =>
        Plain(payload) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    /// <summary>Dictionaries, lists and plain values for JSON nodes, so that filters and scripts read both kinds alike.</summary>
    private static object? Plain(object? value) => value switch
    {
        JsonObject json => json.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
        JsonArray json => json.Select(Plain).ToList(),
        JsonValue json => ValueConverter.FromJsonElement(json.GetValue<JsonElement>()),
        _ => value,
    };

    /// <summary>Whether a value matches one of a comma-separated list of alternatives (ids or names, any case); no list matches all.</summary>
    protected static bool Matches(string? alternatives, params object?[] values) =>
        alternatives is null || alternatives.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(wanted => values.Any(value => string.Equals(wanted, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)));

    private void Accept(IActivityExecutionContext context, object? payload)
    {
        context.SetOutput(Payload, payload);
        SetOutputs(context, PayloadFields(payload));
        context.Complete();
    }

    private void Wait(IActivityExecutionContext context) =>
        context.CreateBookmark(new BookmarkRequest(SfaFlow.Workflows.Runtime.WorkflowRuntime.EventBookmark, EventListened)
        {
            Payload = new Dictionary<string, object?> { ["EventName"] = EventListened },
        });
}
