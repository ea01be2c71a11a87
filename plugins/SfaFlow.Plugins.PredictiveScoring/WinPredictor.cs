using SfaFlow.Plugins.Sales;

namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>Predicts a deal's win probability with the cached model, reading its account and lead as the caller.</summary>
public sealed class WinPredictor(ISalesRecords records, WinModelCache cache)
{
    /// <summary>The prediction for a deal given by its fields (a record's or a script's <c>opportunity</c>).</summary>
    /// <param name="deal">The deal's camelCase fields.</param>
    /// <param name="cancellationToken">Cancels training and reads.</param>
    public async Task<WinPrediction> PredictAsync(IReadOnlyDictionary<string, object?> deal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var model = await cache.GetAsync(records, cancellationToken);
        var features = await new DealFeatureLoader(records).LoadAsync(deal, cancellationToken);
        return model.Predict(features, FieldValues.Number(deal.GetValueOrDefault("probability")));
    }
}
