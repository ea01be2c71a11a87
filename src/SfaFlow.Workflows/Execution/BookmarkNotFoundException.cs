namespace SfaFlow.Workflows.Execution;

/// <summary>A resume named a bookmark the instance does not hold: it was already consumed, or never existed.</summary>
public sealed class BookmarkNotFoundException : Exception
{
    public BookmarkNotFoundException(string instanceId, string bookmarkId)
        : base($"Workflow instance '{instanceId}' has no bookmark '{bookmarkId}': it was already consumed or never existed.")
    {
        InstanceId = instanceId;
        BookmarkId = bookmarkId;
    }

    public BookmarkNotFoundException()
        : this("unknown", "unknown")
    {
    }

    public BookmarkNotFoundException(string message)
        : base(message)
    {
        InstanceId = "unknown";
        BookmarkId = "unknown";
    }

    public BookmarkNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        InstanceId = "unknown";
        BookmarkId = "unknown";
    }

    public string InstanceId { get; }

    public string BookmarkId { get; }
}
