namespace SfaFlow.Sales.Records;

/// <summary>A field that breaks a rule, and the rule in plain words.</summary>
public sealed record RuleViolation(string Field, string Message);

/// <summary>
/// A change the rules refuse: invalid fields, a stage gate that is not met, a move the pipeline does not allow. The API
/// answers 422 with each violation; imports report them per row; workflows get them as an incident.
/// </summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException(string message, IReadOnlyList<RuleViolation> violations)
        : base(message) => Violations = violations;

    public RuleViolationException(string field, string message)
        : this(message, [new RuleViolation(field, message)])
    {
    }

    public RuleViolationException()
        : this("The change breaks a rule.", [])
    {
    }

    public RuleViolationException(string message)
        : this(message, [])
    {
    }

    public RuleViolationException(string message, Exception innerException)
        : base(message, innerException) => Violations = [];

    public IReadOnlyList<RuleViolation> Violations { get; }
}
