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

    /// <summary>
    /// The largest state (serialized JSON, bytes) an instance may save. A typical instance holds a few kilobytes; one over
    /// the cap is Faulted with an incident naming its largest parts, which are dropped so that it can be stored.
    /// </summary>
    public int MaxStateBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// When committing on suspend, a burst still running after this long is committed (and again at this interval), so
    /// that it can be listed and cancelled while it runs and a crash does not lose it.
    /// </summary>
    public TimeSpan LongBurstCheckpoint { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many times an instance may be taken up to run without ever finishing that run (the host stopped under it)
    /// before it is parked with an incident instead of being run again.
    /// </summary>
    public int MaxRunAttempts { get; set; } = 3;

    /// <summary>How many instances the runtime runs at once for the outbox and the scheduler (one slow instance holds one).</summary>
    public int MaxConcurrentRuns { get; set; } = 4;

    /// <summary>
    /// The longest chain of causes an event may have (a record change by a workflow started by a record change by a
    /// workflow ...). An event deeper than this starts and resumes nothing; each would-be run gets an incident naming the chain.
    /// </summary>
    public int MaxCausationDepth { get; set; } = 16;

    /// <summary>
    /// How many instances one definition may start from one original cause (a person's edit, an import row, a schedule
    /// occurrence) within <see cref="StartLimitWindow"/>; beyond it, starts are refused with an incident. Catches
    /// workflows that fan out into themselves, which a depth limit alone lets grow exponentially.
    /// </summary>
    public int MaxStartsPerCause { get; set; } = 100;

    /// <summary>The window <see cref="MaxStartsPerCause"/> counts in.</summary>
    public TimeSpan StartLimitWindow { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>When a run commits its instance's state.</summary>
public enum CommitStrategy
{
    /// <summary>When the run suspends or finishes: one commit per run (the default).</summary>
    OnSuspend,

    /// <summary>Also after every activity, so a crash repeats at most one activity.</summary>
    PerActivity,
}
