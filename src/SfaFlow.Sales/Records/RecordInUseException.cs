namespace SfaFlow.Sales.Records;

/// <summary>
/// A record other records refer to cannot be deleted: the message says what refers to it and what to do instead. The API
/// answers 409 (the record's state conflicts with the deletion).
/// </summary>
public sealed class RecordInUseException : Exception
{
    public RecordInUseException(string message, IReadOnlyList<string> references)
        : base(message) => References = references;

    public RecordInUseException()
        : this("The record is in use.", [])
    {
    }

    public RecordInUseException(string message)
        : this(message, [])
    {
    }

    public RecordInUseException(string message, Exception innerException)
        : base(message, innerException) => References = [];

    /// <summary>What refers to the record, counted ("2 contacts", "1 deal").</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Refuses the deletion when any count is above zero.</summary>
    /// <exception cref="RecordInUseException">Something refers to the record.</exception>
    public static void ThrowIfReferenced(string record, string advice, params (int Count, string One, string Many)[] references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var used = references.Where(r => r.Count > 0).Select(r => $"{r.Count} {(r.Count == 1 ? r.One : r.Many)}").ToList();
        if (used.Count > 0)
        {
            var list = used.Count == 1 ? used[0] : $"{string.Join(", ", used[..^1])} and {used[^1]}";
            var verb = used.Count == 1 && references.Sum(r => r.Count) == 1 ? "refers" : "refer";
            throw new RecordInUseException($"{record} cannot be deleted: {list} {verb} to it. {advice}", used);
        }
    }
}
