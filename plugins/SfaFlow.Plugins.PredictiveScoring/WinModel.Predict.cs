using System.Globalization;

namespace SfaFlow.Plugins.PredictiveScoring;

public sealed partial class WinModel
{
    /// <summary>The deal's win probability and the factors behind it.</summary>
    /// <param name="deal">The deal's features.</param>
    /// <param name="ownProbability">The deal's own probability in percent (its stage's or the rep's), used when the history is too small.</param>
    public WinPrediction Predict(DealFeatures deal, double? ownProbability = null)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (!HasEnoughHistory)
        {
            return Fallback(ownProbability);
        }

        var ratios = deal.Values.Select(p => Single(p.Key, p.Value))
            .Concat(deal.Sets.SelectMany(p => p.Value.Select(v => Present(p.Key, v))))
            .OrderByDescending(r => Math.Abs(Math.Log(r.Ratio))).ThenBy(r => r.Factor.Field, StringComparer.Ordinal).ThenBy(r => r.Factor.Value, StringComparer.Ordinal)
            .ToList();
        var factors = ratios.Select(r => r.Factor).ToList();

        // Sum logs of the exact ratios (the factors show them rounded) rather than multiply: many ratios multiplied can
        // overflow or underflow a double.
        var logOdds = Math.Log((double)Won / Lost) + ratios.Sum(r => Math.Log(r.Ratio));
        var raw = 100 / (1 + Math.Exp(-logOdds));
        var probability = (int)Math.Clamp(Math.Round(raw, MidpointRounding.AwayFromZero), _options.MinimumProbability, _options.MaximumProbability);
        return new WinPrediction(probability, factors, Explain(probability, raw, factors), EnoughHistory: true);
    }

    private (WinFactor Factor, double Ratio) Single(string field, string value)
    {
        if (!_values.TryGetValue(Key(field, value), out var seen))
        {
            return (Unseen(field, value), 1);
        }

        var a = _options.Smoothing;
        var totals = _fieldTotals[field];
        var k = _distinctValues[field];
        var ratio = (seen.Won + a) / (totals.Won + a * k) / ((seen.Lost + a) / (totals.Lost + a * k));
        return (Factor(field, value, ratio, seen), ratio);
    }

    private (WinFactor Factor, double Ratio) Present(string field, string value)
    {
        if (!_values.TryGetValue(Key(field, value), out var seen))
        {
            return (Unseen(field, value), 1);
        }

        var a = _options.Smoothing;
        var ratio = (seen.Won + a) / (Won + 2 * a) / ((seen.Lost + a) / (Lost + 2 * a));
        return (Factor(field, value, ratio, seen), ratio);
    }

    private static WinFactor Factor(string field, string value, double ratio, Tally seen)
    {
        var label = DealField.Label(field);
        var history = Text($"{label} {value}: {seen.Won} won and {seen.Lost} lost deals had it");
        if (Math.Abs(ratio - 1) < 1e-9)
        {
            return new WinFactor(field, label, value, 1, WinFactor.Neutral, seen.Won, seen.Lost, $"{history}, as common among won deals as among lost ones, so it changes nothing.");
        }

        return ratio > 1
            ? new WinFactor(field, label, value, Round(ratio), WinFactor.Raises, seen.Won, seen.Lost, Text($"{history}; it multiplies the odds of winning by {Round(ratio)}."))
            : new WinFactor(field, label, value, Round(ratio), WinFactor.Lowers, seen.Won, seen.Lost, Text($"{history}; it divides the odds of winning by {Round(1 / ratio)}."));
    }

    private static WinFactor Unseen(string field, string value) => new(field, DealField.Label(field), value, 1, WinFactor.Neutral, 0, 0,
        $"{DealField.Label(field)} {value}: never seen in the won or lost history, so it changes nothing.");

    private string Explain(int probability, double raw, List<WinFactor> factors)
    {
        var text = Text($"Win probability {probability} %, from {Won} won and {Lost} lost deals (won/lost ratio alone: {Percent(100.0 * Won / (Won + Lost))} %).");
        if (probability != (int)Math.Round(raw, MidpointRounding.AwayFromZero))
        {
            text += Text($" The model gives {Percent(raw)} %; it is kept within {_options.MinimumProbability} and {_options.MaximumProbability} % because history never makes a deal certain.");
        }

        string List(string direction) => string.Join(", ", factors.Where(f => f.Direction == direction).Select(f => Text($"{f.Label} {f.Value} (×{f.OddsRatio})")));
        var raised = List(WinFactor.Raises);
        var lowered = List(WinFactor.Lowers);
        var neutral = string.Join(", ", factors.Where(f => f.Direction == WinFactor.Neutral).Select(f => $"{f.Label} {f.Value}"));
        text += raised.Length > 0 ? $" Raised by: {raised}." : "";
        text += lowered.Length > 0 ? $" Lowered by: {lowered}." : "";
        text += neutral.Length > 0 ? $" No effect: {neutral}." : "";
        return factors.Count == 0 ? text + " The deal has none of the fields the model learns from, so only the won/lost ratio counts." : text;
    }

    private WinPrediction Fallback(double? ownProbability)
    {
        var history = Text($"Only {Won} won and {Lost} lost deals in the history; the model needs at least {Math.Max(1, _options.MinimumWon)} won and {Math.Max(1, _options.MinimumLost)} lost.");
        var (value, source) = ownProbability is { } own && double.IsFinite(own)
            ? (own, "Keeping the deal's own probability")
            : Won + Lost > 0 ? (100.0 * Won / (Won + Lost), "Using the won/lost ratio") : (50.0, "Using 50 % for lack of any history");
        var probability = (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), _options.MinimumProbability, _options.MaximumProbability);
        return new WinPrediction(probability, [], Text($"{history} {source}: {probability} %."), EnoughHistory: false);
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
