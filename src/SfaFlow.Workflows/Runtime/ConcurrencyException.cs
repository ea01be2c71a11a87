namespace SfaFlow.Workflows.Runtime;

/// <summary>Someone else changed the record first; reload and try again.</summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException()
        : base("The record was changed by someone else; reload it and try again.")
    {
    }

    public ConcurrencyException(string message)
        : base(message)
    {
    }

    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
