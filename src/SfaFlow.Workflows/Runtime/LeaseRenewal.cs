using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// Keeps an instance's lease alive while this process runs it, so that a run longer than the lease (a slow activity, a
/// long burst of work) is not taken for a dead runtime's and recovered elsewhere while it still runs. It renews at a
/// third of the lease duration; a crashed process stops renewing and its lease expires as before.
/// </summary>
internal sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseRenewal(Func<CancellationToken, Task> loop) => _loop = loop(_stop.Token);

    public static LeaseRenewal Start(
        IWorkflowInstanceStore instances, string instanceId, Func<Lease> newLease, TimeSpan leaseDuration, TimeProvider clock, ILogger logger) =>
        new(async stop =>
        {
            var interval = leaseDuration / 3;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, clock, stop);
                    // Renews nothing while a start has not written its row yet, or once the lease is gone (the run will find out).
                    await instances.RenewLeaseAsync(instanceId, newLease(), stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A failed renewal (a busy database) must not end the run; the next one tries again.
                    logger.LogWarning(exception, "Could not renew the lease on instance {InstanceId}; trying again.", instanceId);
                }
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
