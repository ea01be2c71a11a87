using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// A list query the list cannot answer: an unknown sort or filter field, a value of the wrong kind, a page out of range.
/// Each violation names the parameter and what it allows. The API answers 400 (the request is wrong, not a change refused).
/// </summary>
public sealed class InvalidListQueryException : Exception
{
    public InvalidListQueryException(IReadOnlyList<RuleViolation> violations)
        : base($"The list query is not valid: {string.Join(" ", violations?.Select(v => v.Message) ?? [])}") =>
        Violations = violations ?? [];

    public InvalidListQueryException()
        : this([])
    {
    }

    public InvalidListQueryException(string message)
        : base(message) => Violations = [];

    public InvalidListQueryException(string message, Exception innerException)
        : base(message, innerException) => Violations = [];

    public IReadOnlyList<RuleViolation> Violations { get; }
}
