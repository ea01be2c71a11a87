using System.Globalization;

namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>
/// A naive Bayes model of winning, learnt from closed deals. For each field it keeps how many won and lost deals had each
/// value; a deal's odds of winning are the prior odds (won ÷ lost) times, for each of its values, the likelihood ratio
/// P(value | won) ÷ P(value | lost). Each probability is Laplace-smoothed with α (<see cref="WinModelOptions.Smoothing"/>):
/// for a single-valued field f with K distinct values seen, P(v | won) = (won with v + α) ÷ (won with any f + α·K); for a
/// product on the lines (present or not), P(p | won) = (won with p + α) ÷ (won + 2α). Missing values are skipped and
/// values never seen in the history count as neutral (ratio 1). The result is rounded and kept within 1 and 99 %.
/// </summary>
/// <remarks>Immutable once trained, so one instance serves every caller at once.</remarks>
public sealed partial class WinModel
{
    private readonly Dictionary<string, Tally> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Tally> _fieldTotals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _distinctValues = new(StringComparer.Ordinal);
    private readonly WinModelOptions _options;

    private WinModel(WinModelOptions options, int won, int lost)
    {
        _options = options;
        Won = won;
        Lost = lost;
    }

    /// <summary>Won deals learnt from.</summary>
    public int Won { get; }

    /// <summary>Lost deals learnt from.</summary>
    public int Lost { get; }

    /// <summary>Whether there are enough won and lost deals to predict (see <see cref="WinModelOptions.MinimumWon"/>).</summary>
    public bool HasEnoughHistory => Won >= _options.MinimumWon && Lost >= _options.MinimumLost && Won > 0 && Lost > 0;

    /// <summary>Counts the values of won and lost deals.</summary>
    /// <param name="won">The features of won deals.</param>
    /// <param name="lost">The features of lost deals.</param>
    /// <param name="options">Smoothing, bounds and minimum history.</param>
    public static WinModel Train(IReadOnlyCollection<DealFeatures> won, IReadOnlyCollection<DealFeatures> lost, WinModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(won);
        ArgumentNullException.ThrowIfNull(lost);
        ArgumentNullException.ThrowIfNull(options);
        var model = new WinModel(options, won.Count, lost.Count);
        foreach (var deal in won)
        {
            model.Count(deal, isWon: true);
        }

        foreach (var deal in lost)
        {
            model.Count(deal, isWon: false);
        }

        return model;
    }

    private void Count(DealFeatures deal, bool isWon)
    {
        foreach (var (field, value) in deal.Values)
        {
            var key = Key(field, value);
            if (!_values.ContainsKey(key))
            {
                _distinctValues[field] = _distinctValues.GetValueOrDefault(field) + 1;
            }

            _values[key] = _values.GetValueOrDefault(key).Add(isWon);
            _fieldTotals[field] = _fieldTotals.GetValueOrDefault(field).Add(isWon);
        }

        foreach (var (field, set) in deal.Sets)
        {
            foreach (var value in set)
            {
                var key = Key(field, value);
                _values[key] = _values.GetValueOrDefault(key).Add(isWon);
            }
        }
    }

    private static string Key(string field, string value) => field + "\u001f" + value;

    /// <summary>How many won and lost deals had a value.</summary>
    private readonly record struct Tally(int Won, int Lost)
    {
        public Tally Add(bool isWon) => isWon ? this with { Won = Won + 1 } : this with { Lost = Lost + 1 };
    }

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
