using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Sales;

namespace SfaFlow.Plugins.PhoneNumbers;

/// <summary>
/// Rewrites a record's phone number in E.164 through <see cref="ISalesRecords.UpdateAsync"/> (validated and audited like
/// an edit). Leaves on <c>Normalized</c> when it changed the number, <c>Unchanged</c> when it already was E.164, and
/// <c>Invalid</c> when the record has no number or the number is not a valid phone number (the record is left alone).
/// </summary>
[Activity("PhoneNumbers.NormalizePhone", Category = "Data quality", DisplayName = "Normalize phone number",
    Description = "Rewrites a lead's, account's or contact's phone number in international E.164 form, or reports it as invalid.",
    Outcomes = [NormalizedOutcome, UnchangedOutcome, InvalidOutcome])]
public sealed class NormalizePhone : WorkflowActivity
{
    /// <summary>The number was rewritten.</summary>
    public const string NormalizedOutcome = "Normalized";

    /// <summary>The number already was in E.164.</summary>
    public const string UnchangedOutcome = "Unchanged";

    /// <summary>No number, or not a valid one.</summary>
    public const string InvalidOutcome = "Invalid";

    /// <summary>The record, for example <c>lead:42</c>.</summary>
    [Input(DisplayName = "Record", Description = "The record as type:id, for example lead:42; empty for the workflow's own record (its correlation id).",
        UIHint = "singleline", Order = 0)]
    public Input<string?> Record { get; } = new();

    /// <summary>The field holding the number.</summary>
    [Input(DisplayName = "Field", Description = "The camelCase field holding the phone number.", UIHint = "singleline", DefaultValue = "phone", Order = 1)]
    public Input<string?> Field { get; } = new();

    /// <summary>The country of numbers written without a leading +.</summary>
    [Input(DisplayName = "Default region", Description = "The two-letter country (ISO 3166) of numbers written without '+', for example DE; empty to use the record's country when it has a two-letter one.",
        UIHint = "singleline", Order = 2)]
    public Input<string?> DefaultRegion { get; } = new();

    /// <summary>The number in E.164, or null when invalid.</summary>
    [Output(DisplayName = "Phone", Description = "The number in E.164, or null when it is not valid.")]
    public Output<string?> Phone { get; } = new();

    /// <summary>The number as it was.</summary>
    [Output(DisplayName = "Original", Description = "The number as it was before.")]
    public Output<string?> Original { get; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = ActivityRecord.Resolve(context.GetInput(Record), context.CorrelationId, "PhoneNumbers.NormalizePhone");
        var field = context.GetInput(Field) is { Length: > 0 } name ? name.Trim() : "phone";
        var records = context.Services.GetRequiredService<ISalesRecords>();
        var data = await records.FindAsync(record, context.CancellationToken)
            ?? throw new InvalidOperationException($"PhoneNumbers.NormalizePhone: there is no {record} (or it is outside the workflow's reach).");

        var original = data[field]?.ToString();
        var region = context.GetInput(DefaultRegion) is { Length: > 0 } given ? given : data["country"] as string is { Length: 2 } country ? country : null;
        var normalized = PhoneFormatter.ToE164(original, region);
        context.SetOutput(Original, original);
        context.SetOutput(Phone, normalized);
        if (normalized is null)
        {
            context.Logger.LogInformation("The {Field} of {Record} is not a valid phone number; left as it is.", field, record);
            context.Complete(InvalidOutcome);
            return;
        }

        if (string.Equals(normalized, original, StringComparison.Ordinal))
        {
            context.Complete(UnchangedOutcome);
            return;
        }

        await records.UpdateAsync(record, new Dictionary<string, object?> { [field] = normalized }, context.CancellationToken);
        context.Complete(NormalizedOutcome);
    }
}
