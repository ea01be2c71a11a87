using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

/// <summary>
/// A connection from an outcome port of one activity to another activity. A connection without a source port fires on the
/// default outcome <c>Done</c> only, as in Elsa.
/// </summary>
public sealed record Connection(Endpoint Source, Endpoint Target)
{
    /// <summary>The designer's bend points, kept verbatim.</summary>
    public JsonElement? Vertices { get; init; }

    public override string ToString() => $"{Source.Activity}:{Source.Port ?? "Done"} -> {Target.Activity}";
}

/// <summary>One end of a connection: an activity id and a port name.</summary>
public sealed record Endpoint(string Activity, string? Port);
