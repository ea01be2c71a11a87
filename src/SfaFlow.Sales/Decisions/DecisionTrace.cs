using System.Text.Json;

namespace SfaFlow.Sales.Decisions;

/// <summary>
/// A decision the rules made about a record, kept so that it can be explained later: a lead qualified or not, scored,
/// a deal refused a stage. Written once, never changed; the rules it applied are stored with the values they read.
/// </summary>
public sealed class DecisionTrace
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public long Id { get; set; }

    /// <summary>The record's type as correlation ids name it (<c>lead</c>, <c>opportunity</c>).</summary>
    public required string RecordType { get; set; }

    public long RecordId { get; set; }

    public DecisionKind Kind { get; set; }

    /// <summary>What was decided on: the rule set's name, or the stage a deal was to enter.</summary>
    public required string Subject { get; set; }

    /// <summary>The verdict: Qualified, NotQualified, Scored, Moved, Refused.</summary>
    public required string Result { get; set; }

    /// <summary>The score given, for scoring decisions.</summary>
    public int? Score { get; set; }

    /// <summary>The decision in plain words.</summary>
    public required string Summary { get; set; }

    /// <summary>The rules as JSON (<see cref="RuleOutcome"/> each); read them with <see cref="ReadRules"/>.</summary>
    public required string RulesJson { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The workflow instance that decided, when a workflow did.</summary>
    public string? WorkflowInstanceId { get; set; }

    /// <summary>The person who decided (a stage move through the API), when a person did.</summary>
    public long? ByUserId { get; set; }

    public static string WriteRules(IReadOnlyList<RuleOutcome> rules) => JsonSerializer.Serialize(rules, Json);

    /// <summary>The rules as stored; values read come back as JSON values.</summary>
    public IReadOnlyList<StoredRule> ReadRules() => JsonSerializer.Deserialize<List<StoredRule>>(RulesJson, Json) ?? [];
}

/// <summary>A rule of a stored trace, as read back (values read are JSON).</summary>
public sealed record StoredRule(string Name, string? Expression, Dictionary<string, JsonElement>? ValuesRead, string Result, int? Points, string Message);
