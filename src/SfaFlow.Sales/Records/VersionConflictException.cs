namespace SfaFlow.Sales.Records;

/// <summary>The record changed since the caller read it (the If-Match version is not the current one). The API answers 409.</summary>
public sealed class VersionConflictException : Exception
{
    public VersionConflictException(string recordType, long id, int expected, int actual)
        : base($"The {recordType.ToLowerInvariant()} {id} changed since you read it (you have version {expected}, it is at version {actual}); read it again and repeat your change.")
    {
    }

    public VersionConflictException()
        : base("The record changed since you read it.")
    {
    }

    public VersionConflictException(string message)
        : base(message)
    {
    }

    public VersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
