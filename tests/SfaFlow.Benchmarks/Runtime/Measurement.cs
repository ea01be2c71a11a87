namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// Operations per second of each timed round, and the raw commit rate timed right before each round. The median is
/// reported; the ratio to the ceiling is the median of the per-round ratios, so that disk drift between rounds cancels.
/// </summary>
internal sealed record Measurement(IReadOnlyList<double> Rates, IReadOnlyList<double> CeilingRates)
{
    public double Median => Percentile([.. Rates], 50);

    public double CeilingMedian => Percentile([.. CeilingRates], 50);

    public double CeilingRatio => Percentile([.. Rates.Zip(CeilingRates, (rate, ceiling) => rate / ceiling)], 50);

    /// <summary>The median of the round-by-round ratios of this measurement to another taken in turn with it.</summary>
    public double RatioTo(Measurement other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Percentile([.. Rates.Zip(other.Rates, (rate, baseline) => rate / baseline)], 50);
    }

    /// <summary>Nearest-rank percentile of the values.</summary>
    public static double Percentile(double[] values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
