using System.Text.Json.Serialization;

namespace SfaFlow.Workflows.Runtime.Instances;

/// <summary>
/// What a runtime was about to do to an instance when it took the lease, recorded with the lease so that recovery can do
/// it again if the runtime dies before committing.
/// </summary>
/// <param name="Kind">What: <see cref="Resume"/>, <see cref="Cancel"/> or <see cref="Retry"/>.</param>
/// <param name="BookmarkId">The bookmark being resumed (the first, when an event resumes several).</param>
/// <param name="Payload">What the resume carries.</param>
public sealed record RuntimeStimulus(string Kind, string? BookmarkId = null, object? Payload = null)
{
    public const string Resume = "resume";
    public const string Cancel = "cancel";
    public const string Retry = "retry";

    /// <summary>An incident noted on the instance instead of a resume a runaway guard refused; recovery does not repeat it.</summary>
    public const string Note = "note";

    /// <summary>
    /// The event being delivered, when the resume is one with an id: the commit that saves the resumed state records that
    /// the instance received it (recovery's commit too), so a redelivery changes nothing.
    /// </summary>
    public string? EventId { get; init; }

    /// <summary>What caused the event being delivered, so that recovery runs the resume with the same causes.</summary>
    public Causation.CausationChain? Causation { get; init; }

    /// <summary>Every bookmark the resume consumes, in order, when an event resumes more than one of the instance's activities.</summary>
    public IReadOnlyList<string>? BookmarkIds { get; init; }

    /// <summary>The bookmarks this resume consumes.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ResumedBookmarkIds => BookmarkIds ?? (BookmarkId is null ? [] : [BookmarkId]);
}
