using SfaFlow.Workflows.Instances;

namespace SfaFlow.Web.Api.Workflows.Instances;

/// <summary>Something the instance waits on; resume it with <c>POST /api/workflow-instances/bookmarks/{id}/resume</c>.</summary>
public sealed record BookmarkView(
    string Id,
    string Name,
    string? Key,
    string ActivityId,
    string ActivityNodeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    IReadOnlyDictionary<string, object?> Payload)
{
    public static BookmarkView From(Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        return new BookmarkView(bookmark.Id, bookmark.Name, bookmark.Key, bookmark.ActivityId, bookmark.ActivityNodeId, bookmark.CreatedAt,
            bookmark.DueAt, bookmark.Payload);
    }
}
