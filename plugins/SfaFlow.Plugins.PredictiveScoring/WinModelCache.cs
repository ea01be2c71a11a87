using SfaFlow.Plugins.Sales;

namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>
/// Keeps the trained model for <see cref="WinModelOptions.RefreshInterval"/> (on the host's clock), then trains it again
/// from the current won and lost deals. A singleton of the plugin's own services, so it goes away with the plugin on unload.
/// </summary>
/// <remarks>
/// It trains through the <see cref="ISalesRecords"/> of the call that finds the model stale. The plugin's activity and
/// script function act for the workflow, which sees every record, so the model is the same whoever triggers training.
/// </remarks>
public sealed class WinModelCache(TimeProvider time, WinModelOptions options) : IDisposable
{
    private readonly SemaphoreSlim _training = new(1, 1);
    private Trained? _current;

    /// <summary>The current model, trained first when there is none or it is older than the refresh interval.</summary>
    /// <param name="records">Reads the history.</param>
    /// <param name="cancellationToken">Cancels the training.</param>
    public async Task<WinModel> GetAsync(ISalesRecords records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (Fresh(Volatile.Read(ref _current)) is { } model)
        {
            return model;
        }

        // One training at a time: callers that find the model stale together wait for the first one's result.
        await _training.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current) is { } trainedMeanwhile)
            {
                return trainedMeanwhile;
            }

            var trained = await TrainAsync(records, cancellationToken);
            Volatile.Write(ref _current, new Trained(trained, time.GetUtcNow()));
            return trained;
        }
        finally
        {
            _training.Release();
        }
    }

    /// <summary>Drops the model, so that the next call trains it from the current history.</summary>
    public void Invalidate() => Volatile.Write(ref _current, null);

    /// <inheritdoc />
    public void Dispose() => _training.Dispose();

    private WinModel? Fresh(Trained? trained) => trained is not null && time.GetUtcNow() - trained.At < options.RefreshInterval ? trained.Model : null;

    private async Task<WinModel> TrainAsync(ISalesRecords records, CancellationToken cancellationToken)
    {
        var loader = new DealFeatureLoader(records);
        var won = await loader.LoadClosedAsync("Won", cancellationToken);
        var lost = await loader.LoadClosedAsync("Lost", cancellationToken);
        return WinModel.Train(won, lost, options);
    }

    private sealed record Trained(WinModel Model, DateTimeOffset At);
}
