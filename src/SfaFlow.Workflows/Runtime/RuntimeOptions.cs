namespace SfaFlow.Workflows.Runtime;

/// <summary>Runtime settings, bound from <c>SfaFlow:Runtime</c>.</summary>
public sealed class RuntimeOptions
{
    public const string SectionName = "SfaFlow:Runtime";

    /// <summary>How long a runtime may run an instance before others consider it dead and recover the instance.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an operation waits for an instance another runtime is running before answering "busy".</summary>
    public TimeSpan BusyWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the scheduler looks for due timers and trigger occurrences (lateness stays below this plus run time).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How far back the scheduler looks for occurrences of cron and interval triggers when it starts.</summary>
    public TimeSpan MissedOccurrenceWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Due timers fired per scheduler pass.</summary>
    public int TimerBatchSize { get; set; } = 200;

    /// <summary>When state is committed while a run is in progress.</summary>
    public CommitStrategy CommitStrategy { get; set; } = CommitStrategy.OnSuspend;

    /// <summary>The folder whose <c>*.json</c> workflows are imported and published at startup (relative to the working directory).</summary>
    public string WorkflowsFolder { get; set; } = "workflows";

    /// <summary>Whether the host runs the scheduler (off in tests that drive time themselves).</summary>
    public bool RunScheduler { get; set; } = true;
}

/// <summary>When a run commits its instance's state.</summary>
public enum CommitStrategy
{
    /// <summary>When the run suspends or finishes: one commit per run (the default).</summary>
    OnSuspend,

    /// <summary>Also after every activity, so a crash repeats at most one activity.</summary>
    PerActivity,
}
