using System.Globalization;

namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>
/// Turns a deal (as <c>ISalesRecords</c> or a script sees it: camelCase fields), its account and its lead into
/// <see cref="DealFeatures"/>. Stage, probability and dates are left out on purpose: a closed deal's stage and probability
/// give its outcome away, and dates say nothing about the next deal.
/// </summary>
public static class DealFeatureReader
{
    /// <summary>The upper bounds of the amount bands, in the reporting currency.</summary>
    private static readonly double[] BandLimits = [5_000, 25_000, 100_000, 500_000];

    /// <summary>The features of a deal.</summary>
    /// <param name="deal">The deal's fields.</param>
    /// <param name="account">Its account's fields, or null when it has none or it cannot be read.</param>
    /// <param name="lead">The fields of the lead it came from, or null.</param>
    public static DealFeatures Read(IReadOnlyDictionary<string, object?> deal, IReadOnlyDictionary<string, object?>? account, IReadOnlyDictionary<string, object?>? lead)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var amount = FieldValues.Number(deal.GetValueOrDefault("amountInReportingCurrency")) ?? FieldValues.Number(deal.GetValueOrDefault("amount"));
        var values = new Dictionary<string, string?>
        {
            [DealField.Pipeline] = FieldValues.Text(deal.GetValueOrDefault("pipelineId")),
            [DealField.Region] = FieldValues.Text(deal.GetValueOrDefault("regionId")),
            [DealField.Owner] = FieldValues.Text(deal.GetValueOrDefault("ownerId")),
            [DealField.CustomerCategory] = FieldValues.Text(account?.GetValueOrDefault("customerCategoryId")),
            [DealField.Industry] = FieldValues.Text(account?.GetValueOrDefault("industry")),
            [DealField.Country] = FieldValues.Text(account?.GetValueOrDefault("country"))?.ToUpperInvariant(),
            [DealField.LeadSource] = FieldValues.Text(deal.GetValueOrDefault("leadSource") ?? deal.GetValueOrDefault("source") ?? lead?.GetValueOrDefault("source")),
            [DealField.AmountBand] = amount is { } a ? AmountBand(a) : null,
            [DealField.Competitor] = FieldValues.Text(deal.GetValueOrDefault("competitor")),
        };
        var products = FieldValues.Items(deal.GetValueOrDefault("lines")).Select(line => FieldValues.Text(FieldValues.Field(line, "productId"))).OfType<string>();
        return DealFeatures.Of(values, products);
    }

    /// <summary>The band an amount falls in: <c>under 5,000</c>, <c>5,000 to 25,000</c>, ... <c>500,000 and more</c>.</summary>
    /// <param name="amount">The amount in the reporting currency.</param>
    public static string AmountBand(double amount)
    {
        var upper = Array.FindIndex(BandLimits, limit => amount < limit);
        return upper switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"under {BandLimits[0]:N0}"),
            < 0 => string.Create(CultureInfo.InvariantCulture, $"{BandLimits[^1]:N0} and more"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{BandLimits[upper - 1]:N0} to {BandLimits[upper]:N0}"),
        };
    }
}
