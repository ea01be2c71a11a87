namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// Runs plugin code (an activity, an event listener) on the thread pool under a deadline, so that code blocking
/// synchronously cannot hold the host past it. At the deadline its token is cancelled; if it still has not returned it is
/// abandoned (a late fault is observed, not reported as unobserved) and a <see cref="TimeoutException"/> says so.
/// </summary>
internal static class PluginDeadline
{
    /// <param name="work">The plugin code, given the token cancelled at the deadline.</param>
    /// <param name="timeout">How long it may run.</param>
    /// <param name="timedOut">The message of the <see cref="TimeoutException"/>.</param>
    /// <param name="abandon">Runs when the code is abandoned, before its token is cancelled (close what it may still touch).</param>
    /// <param name="cancellationToken">The caller's token: cancels the code and stops waiting.</param>
    /// <exception cref="TimeoutException">The code did not finish in time.</exception>
    public static async Task RunAsync(Func<CancellationToken, Task> work, TimeSpan timeout, string timedOut, Action? abandon, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(() => work(deadline.Token), CancellationToken.None);
        try
        {
            await run.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            abandon?.Invoke();
            await deadline.CancelAsync();
            _ = run.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw new TimeoutException(timedOut);
        }
    }
}
