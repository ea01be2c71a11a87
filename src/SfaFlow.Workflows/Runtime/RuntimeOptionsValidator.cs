using Microsoft.Extensions.Options;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Runtime;

/// <summary>Refuses runtime and engine limits that could not work (a zero budget, no runs at once), at startup.</summary>
internal sealed class RuntimeOptionsValidator : IValidateOptions<RuntimeOptions>, IValidateOptions<WorkflowEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Result(RuntimeOptions.SectionName,
            (options.MaxConcurrentRuns >= 1, "MaxConcurrentRuns must be at least 1."),
            (options.MaxStateBytes >= 64 * 1024, "MaxStateBytes must be at least 65536 (64 KB)."),
            (options.LongBurstCheckpoint > TimeSpan.Zero, "LongBurstCheckpoint must be positive."),
            (options.MaxRunAttempts >= 1, "MaxRunAttempts must be at least 1."),
            (options.MaxCausationDepth >= 1, "MaxCausationDepth must be at least 1."),
            (options.MaxStartsPerCause >= 1, "MaxStartsPerCause must be at least 1."),
            (options.StartLimitWindow > TimeSpan.Zero, "StartLimitWindow must be positive."));
    }

    public ValidateOptionsResult Validate(string? name, WorkflowEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Result(WorkflowEngineOptions.SectionName,
            (options.MaxActivitiesPerBurst >= 1, "MaxActivitiesPerBurst must be at least 1."),
            (options.MaxBurstDuration > TimeSpan.Zero, "MaxBurstDuration must be positive."),
            (options.MaxBudgetFaults >= 1, "MaxBudgetFaults must be at least 1."));
    }

    private static ValidateOptionsResult Result(string section, params (bool Valid, string Failure)[] rules)
    {
        var failures = rules.Where(rule => !rule.Valid).Select(rule => $"{section}: {rule.Failure}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
