namespace SfaFlow.Plugins.Activities;

/// <summary>A bookmark being resumed, with the payload the stimulus carried.</summary>
/// <param name="BookmarkId">The id of the bookmark.</param>
/// <param name="Name">The bookmark type.</param>
/// <param name="Key">The key the bookmark was matched on, if any.</param>
/// <param name="Payload">What the stimulus carried: an event payload, a task result, or null for a timer.</param>
public sealed record BookmarkResumption(string BookmarkId, string Name, string? Key, object? Payload);
