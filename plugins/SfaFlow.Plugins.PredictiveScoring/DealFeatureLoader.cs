using SfaFlow.Plugins.Sales;

namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>
/// Reads deals with their account and lead through <see cref="ISalesRecords"/>. Accounts and leads are read once each per
/// loader, because many deals share an account.
/// </summary>
public sealed class DealFeatureLoader(ISalesRecords records)
{
    private readonly Dictionary<RecordRef, IReadOnlyDictionary<string, object?>?> _related = [];

    /// <summary>The features of every deal with the given status.</summary>
    /// <param name="status"><c>Won</c> or <c>Lost</c>: the opportunity list's <c>status</c> filter.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<List<DealFeatures>> LoadClosedAsync(string status, CancellationToken cancellationToken = default)
    {
        var deals = new List<DealFeatures>();
        await foreach (var deal in records.QueryAsync("opportunity", new Dictionary<string, string> { ["status"] = status }, cancellationToken))
        {
            deals.Add(await LoadAsync(deal.Fields, cancellationToken));
        }

        return deals;
    }

    /// <summary>The features of one deal, given its fields (from a record or a script).</summary>
    /// <param name="deal">The deal's camelCase fields.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<DealFeatures> LoadAsync(IReadOnlyDictionary<string, object?> deal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var account = await RelatedAsync("account", deal.GetValueOrDefault("accountId"), cancellationToken);
        var lead = await RelatedAsync("lead", deal.GetValueOrDefault("leadId"), cancellationToken);
        return DealFeatureReader.Read(deal, account, lead);
    }

    private async Task<IReadOnlyDictionary<string, object?>?> RelatedAsync(string type, object? id, CancellationToken cancellationToken)
    {
        if (FieldValues.Number(id) is not { } number || number <= 0 || number != Math.Floor(number))
        {
            return null;
        }

        var record = new RecordRef(type, (long)number);
        if (!_related.TryGetValue(record, out var fields))
        {
            fields = (await records.FindAsync(record, cancellationToken))?.Fields;
            _related[record] = fields;
        }

        return fields;
    }
}
