namespace SfaFlow.Workflows.Runtime.Instances;

/// <summary>
/// What a runtime was about to do to an instance when it took the lease, recorded with the lease so that recovery can do
/// it again if the runtime dies before committing.
/// </summary>
/// <param name="Kind">What: <see cref="Resume"/>, <see cref="Cancel"/> or <see cref="Retry"/>.</param>
/// <param name="BookmarkId">The bookmark being resumed.</param>
/// <param name="Payload">What the resume carries.</param>
public sealed record RuntimeStimulus(string Kind, string? BookmarkId = null, object? Payload = null)
{
    public const string Resume = "resume";
    public const string Cancel = "cancel";
    public const string Retry = "retry";
}
