using System.Text.Json;
using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Events;

namespace SfaFlow.Sales.Workflows.Triggers;

/// <summary>
/// Starts a workflow when fields of a record change (every saved change raises <c>RecordUpdated</c> with each changed
/// field's old and new value), optionally only for given fields and when a condition over the old and new values holds.
/// </summary>
[Activity("Sfa.RecordUpdated", Category = "Sales triggers", DisplayName = "Record updated", Kind = ActivityKind.Trigger,
    Description = "Starts the workflow when a record's fields change: of one kind of record, of the fields named, when the condition over old and new values holds.")]
public sealed class RecordUpdatedTrigger : RecordEventTrigger
{
    [Input(DisplayName = "Record type", Description = "Which records: Lead, Account, Contact, Opportunity, SalesActivity, Order.", UIHint = "dropdown",
        Options = ["Lead", "Account", "Contact", "Opportunity", "SalesActivity", "Order"], IsRequired = true)]
    public Input<string?> RecordType { get; } = new();

    [Input(DisplayName = "Changed fields", Description = "Field names, comma-separated (amount, ownerId, ...); the workflow starts when one of them changed. Empty: any field.", UIHint = "singleline")]
    public Input<string?> ChangedFields { get; } = new();

    [Input(Description = "JavaScript over `before` and `after` (the changed fields' old and new values, by field name, as text) and `changes`; empty: always.", UIHint = "code-editor")]
    public Input<string?> Condition { get; } = new();

    [Output(Description = "The changed fields: { field: { old, new } }.")]
    public Output<object?> Changes { get; } = new();

    protected override string EventListened => SalesEventNames.RecordUpdated;

    public override bool Accepts(IReadOnlyDictionary<string, object?> settings, object? payload, IServiceProvider services)
    {
        var update = PayloadFields(payload);
        var changes = ChangesOf(update);
        var wanted = Text(settings, ChangedFields)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Matches(Text(settings, RecordType), update.GetValueOrDefault("recordType"))
            && (wanted is null || wanted.Any(changes.ContainsKey))
            && ScriptConditions.Holds(services, Text(settings, Condition), new Dictionary<string, object?>
            {
                // Not "old" and "new": new is a JavaScript keyword, so new.amount would not parse.
                ["before"] = changes.ToDictionary(c => c.Key, c => ValueOf(c.Value, "old")),
                ["after"] = changes.ToDictionary(c => c.Key, c => ValueOf(c.Value, "new")),
                ["changes"] = changes,
            });
    }

    protected override IReadOnlyDictionary<string, object?> Settings(IActivityExecutionContext context) => new Dictionary<string, object?>
    {
        [RecordType.Name] = context.GetInput(RecordType),
        [ChangedFields.Name] = context.GetInput(ChangedFields),
        [Condition.Name] = context.GetInput(Condition),
    };

    protected override void SetOutputs(IActivityExecutionContext context, IReadOnlyDictionary<string, object?> payload) =>
        context.SetOutput(Changes, ChangesOf(payload));

    /// <summary>The changed fields by their API names (camelCase: <c>ownerId</c>), each with <c>old</c> and <c>new</c>.</summary>
    private static Dictionary<string, object?> ChangesOf(IReadOnlyDictionary<string, object?> update) =>
        Part(update, "changes").ToDictionary(c => JsonNamingPolicy.CamelCase.ConvertName(c.Key), c => c.Value, StringComparer.OrdinalIgnoreCase);

    private static object? ValueOf(object? change, string name) =>
        change is IReadOnlyDictionary<string, object?> values ? values.GetValueOrDefault(name) : null;
}
