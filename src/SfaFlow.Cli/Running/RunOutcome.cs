using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Cli.Running;

/// <summary>Where a run ended: the instance, every line it wrote, and what the driver has to say about it.</summary>
internal sealed record RunOutcome(
    WorkflowDefinition Definition,
    WorkflowInstance Instance,
    IReadOnlyList<string> Lines,
    IReadOnlyList<string> Warnings,
    bool ResumeLimitReached)
{
    public int ExitCode => ResumeLimitReached ? ExitCodes.ResumeLimitReached
        : Instance.SubStatus == WorkflowSubStatus.Faulted ? ExitCodes.Faulted
        : ExitCodes.Success;
}
