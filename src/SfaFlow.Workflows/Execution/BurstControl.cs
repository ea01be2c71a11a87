namespace SfaFlow.Workflows.Execution;

/// <summary>
/// A handle on one burst while it runs. The runtime registers it under the instance id, so that an operator's cancel
/// stops a burst in progress (a loop that would otherwise run until its budget ends) instead of waiting for it.
/// </summary>
public sealed class BurstControl : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>Whether <see cref="RequestCancel"/> was called: the burst ends the instance as Cancelled.</summary>
    public bool IsCancelRequested => _cancel.IsCancellationRequested;

    /// <summary>Cancelled when the burst is asked to stop; the runtime links it into the token activities see.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Stops the burst at the next activity, or interrupts the activity running now if it observes its token.</summary>
    public void RequestCancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The burst ended (and disposed its handle) while the cancel was on its way: nothing runs to be stopped.
        }
    }

    public void Dispose() => _cancel.Dispose();
}
