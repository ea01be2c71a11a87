namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>
/// What the model sees of a deal: one value per single-valued field (missing fields are left out), and a set of values per
/// multi-valued field (the products on its lines).
/// </summary>
/// <param name="Values">Field name (<see cref="DealField"/>) to its value.</param>
/// <param name="Sets">Field name to the values the deal has; each is counted as present or not.</param>
public sealed record DealFeatures(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, IReadOnlySet<string>> Sets)
{
    /// <summary>A deal with the given single values and, optionally, products.</summary>
    /// <param name="values">Field to value; null or empty values are left out.</param>
    /// <param name="products">Product ids on the deal's lines.</param>
    public static DealFeatures Of(IReadOnlyDictionary<string, string?> values, IEnumerable<string>? products = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var kept = values.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!.Trim(), StringComparer.Ordinal);
        var set = products?.Where(p => !string.IsNullOrWhiteSpace(p)).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var sets = set.Count > 0 ? new Dictionary<string, IReadOnlySet<string>> { [DealField.Product] = set } : new Dictionary<string, IReadOnlySet<string>>();
        return new DealFeatures(kept, sets);
    }
}
