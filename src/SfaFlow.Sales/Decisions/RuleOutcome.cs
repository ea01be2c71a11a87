using System.Text.Json.Serialization;

namespace SfaFlow.Sales.Decisions;

/// <summary>
/// One rule of a decision as it was applied: its JavaScript, the record values it read, whether it held, the points it
/// gave, and all of that in plain words, so that "why?" can be answered long after the record has changed.
/// </summary>
/// <param name="Name">The rule's name as the admin wrote it ("From the web").</param>
/// <param name="Expression">The JavaScript condition; null for a built-in rule (the pipeline's order).</param>
/// <param name="ValuesRead">The record values the condition read, by path (<c>lead.source</c>).</param>
/// <param name="Result"><see cref="Passed"/>, <see cref="Failed"/> or <see cref="Error"/>.</param>
/// <param name="Points">The points the rule gave (scoring), after caps.</param>
/// <param name="Message">The rule's outcome in plain words.</param>
public sealed record RuleOutcome(
    string Name,
    string? Expression,
    IReadOnlyDictionary<string, object?> ValuesRead,
    string Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Points,
    string Message)
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Error = "error";

    [JsonIgnore]
    public bool Held => Result == Passed;
}
