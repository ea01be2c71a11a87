using Microsoft.Extensions.Options;

namespace SfaFlow.Data.Outbox;

/// <summary>The outbox dispatcher's settings, bound from <c>SfaFlow:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "SfaFlow:Outbox";

    /// <summary>Whether this host runs the dispatcher (off in tests that drive it themselves).</summary>
    public bool RunDispatcher { get; set; } = true;

    /// <summary>
    /// How often the dispatcher looks for messages it was not woken for: committed by another process, or due for a retry.
    /// Commits in this process wake it at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Messages claimed per pass.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long claimed messages stay with a dispatcher that died before marking them; then another takes them.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts before the dispatcher gives a message up (it stays in the table, marked, for an operator).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure ...</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>... up to this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long dispatched messages are kept before they are pruned.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>Refuses settings the dispatcher cannot work with, at startup.</summary>
internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        Require(options.PollInterval > TimeSpan.Zero, "PollInterval must be positive.");
        Require(options.BatchSize is > 0 and <= 10_000, "BatchSize must be between 1 and 10000.");
        Require(options.ClaimDuration > TimeSpan.Zero, "ClaimDuration must be positive.");
        Require(options.MaxAttempts > 0, "MaxAttempts must be at least 1.");
        Require(options.RetryDelay >= TimeSpan.Zero && options.MaxRetryDelay >= options.RetryDelay, "RetryDelay must be zero or more, and MaxRetryDelay at least RetryDelay.");
        Require(options.Retention > TimeSpan.Zero, "Retention must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => $"{OutboxOptions.SectionName}: {f}"));

        void Require(bool valid, string failure)
        {
            if (!valid)
            {
                failures.Add(failure);
            }
        }
    }
}
