namespace SfaFlow.Sales.Records;

/// <summary>
/// There is no such record, or it is outside the caller's scope: the two are indistinguishable on purpose, so that
/// scope does not leak what exists (the API answers 404 for both).
/// </summary>
public sealed class RecordNotFoundException : Exception
{
    public RecordNotFoundException(string recordType, long id)
        : base($"There is no {recordType.ToLowerInvariant()} {id}.")
    {
        RecordType = recordType;
        Id = id;
    }

    public RecordNotFoundException()
        : this("record", 0)
    {
    }

    public RecordNotFoundException(string message)
        : base(message)
    {
        RecordType = "record";
    }

    public RecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        RecordType = "record";
    }

    public string RecordType { get; }

    public long Id { get; }
}
