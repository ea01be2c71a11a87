using System.Text.Json;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Cli.Running;

/// <summary>What <c>sfaflow run</c> was asked to do, parsed from the command line.</summary>
internal sealed record RunRequest
{
    /// <summary>More resumes than this and the run stops: a timer loop that never ends must not hang the terminal.</summary>
    public const int DefaultMaxResumes = 10_000;

    public required string File { get; init; }

    public IReadOnlyDictionary<string, object?> Input { get; init; } = new Dictionary<string, object?>();

    /// <summary>Null leaves the choice to the definition and the engine's default.</summary>
    public FlowchartMode? FlowchartMode { get; init; }

    /// <summary>Resume timers at once instead of leaving them open.</summary>
    public bool FastTimers { get; init; } = true;

    /// <summary>The event to publish once no timer is left to fast-forward.</summary>
    public string? ResumeEvent { get; init; }

    public JsonElement? Payload { get; init; }

    /// <summary>Files whose workflows the run can use as activities.</summary>
    public IReadOnlyList<string> WorkflowActivities { get; init; } = [];

    public int MaxResumes { get; init; } = DefaultMaxResumes;

    public bool Json { get; init; }
}
