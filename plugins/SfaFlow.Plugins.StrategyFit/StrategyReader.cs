using System.Globalization;
using System.Text.Json;
using SfaFlow.Plugins.Operations;

namespace SfaFlow.Plugins.StrategyFit;

/// <summary>
/// Reads a strategy from JSON and checks it, naming the path of the first bad field (<c>criteria[2].weight</c>):
/// <code>
/// {"name": "...", "criteria": [{"id": "resources", "dimension": "Feasibility", "name": "Resources available", "weight": 3, "score": 4, "advice": "..."}],
///  "thresholds": {"pursue": 70, "reject": 50, "floor": 40}}
/// </code>
/// </summary>
public static class StrategyReader
{
    /// <summary>Parses JSON text (the activity's input).</summary>
    /// <param name="json">The strategy as JSON.</param>
    /// <param name="thresholds">Thresholds that replace the strategy's own, when given.</param>
    /// <exception cref="PluginInputException">The text is not JSON or the strategy is invalid.</exception>
    public static Strategy Parse(string? json, StrategyThresholds? thresholds = null)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new PluginInputException("The strategy is empty; give its criteria as JSON (see the 'template' operation).");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement, thresholds);
        }
        catch (JsonException invalid)
        {
            throw new PluginInputException($"The strategy is not valid JSON: {invalid.Message}", invalid);
        }
    }

    /// <summary>Reads a parsed body (the operation's request).</summary>
    /// <param name="body">The strategy object.</param>
    /// <param name="thresholds">Thresholds that replace the strategy's own, when given.</param>
    /// <exception cref="PluginInputException">The strategy is invalid.</exception>
    public static Strategy Read(JsonElement body, StrategyThresholds? thresholds = null)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new PluginInputException("The strategy must be a JSON object with 'criteria' (see the 'template' operation).");
        }

        var name = OptionalText(body, "name", "name");
        if (!body.TryGetProperty("criteria", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new PluginInputException("'criteria' must be a non-empty array of scored criteria.", "criteria");
        }

        var criteria = list.EnumerateArray().Select(ReadCriterion).ToList();
        var missing = StrategyDimension.All.Where(d => criteria.All(c => c.Dimension != d)).ToList();
        if (missing.Count > 0)
        {
            throw new PluginInputException($"Every dimension needs at least one criterion; there is none for {string.Join(" and ", missing)}.", "criteria");
        }

        var duplicate = criteria.Select((c, i) => (c.Id, i)).GroupBy(x => x.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PluginInputException($"The id '{duplicate.Key}' is used twice; each criterion needs its own.", Path(duplicate.Skip(1).First().i, "id"));
        }

        return new Strategy(name, criteria, thresholds ?? ReadThresholds(body));
    }

    /// <summary>Checks thresholds given apart from a strategy (the activity's inputs).</summary>
    /// <param name="pursue">The pursue line, or null for the default.</param>
    /// <param name="reject">The reject line, or null for the default.</param>
    /// <param name="floor">The floor, or null for the default.</param>
    /// <param name="prefix">The path prefix used in errors.</param>
    /// <returns>The thresholds, or null when none is given.</returns>
    public static StrategyThresholds? Thresholds(double? pursue, double? reject, double? floor, string prefix = "")
    {
        if (pursue is null && reject is null && floor is null)
        {
            return null;
        }

        var defaults = StrategyThresholds.Default;
        var result = new StrategyThresholds(
            Percent(pursue ?? defaults.Pursue, prefix + "pursue"), Percent(reject ?? defaults.Reject, prefix + "reject"), Percent(floor ?? defaults.Floor, prefix + "floor"));
        return result.Reject > result.Pursue
            ? throw new PluginInputException(Text($"The reject line ({result.Reject}) must not be above the pursue line ({result.Pursue})."), prefix + "reject")
            : result;
    }

    private static StrategyCriterion ReadCriterion(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new PluginInputException("A criterion must be an object with dimension, name, weight and score.", Text($"criteria[{index}]"));
        }

        var dimensionText = OptionalText(item, "dimension", Path(index, "dimension"));
        var dimension = StrategyDimension.Find(dimensionText)
            ?? throw new PluginInputException($"The dimension must be {string.Join(", ", StrategyDimension.All)}; '{dimensionText}' is none of them.", Path(index, "dimension"));
        var name = OptionalText(item, "name", Path(index, "name"))
            ?? throw new PluginInputException("A criterion needs a name.", Path(index, "name"));
        var weight = Number(item, "weight", index);
        if (weight is <= 0 or > 1000)
        {
            throw new PluginInputException(Text($"The weight must be greater than 0 and at most 1000; it is {weight}."), Path(index, "weight"));
        }

        var score = Number(item, "score", index);
        if (score is < 1 or > 5)
        {
            throw new PluginInputException(Text($"The score must be from 1 (very poor) to 5 (excellent); it is {score}."), Path(index, "score"));
        }

        var id = OptionalText(item, "id", Path(index, "id")) ?? (index + 1).ToString(CultureInfo.InvariantCulture);
        return new StrategyCriterion(id, dimension, name, weight, score, OptionalText(item, "advice", Path(index, "advice")));
    }

    private static StrategyThresholds ReadThresholds(JsonElement body)
    {
        if (!body.TryGetProperty("thresholds", out var given) || given.ValueKind == JsonValueKind.Null)
        {
            return StrategyThresholds.Default;
        }

        if (given.ValueKind != JsonValueKind.Object)
        {
            throw new PluginInputException("'thresholds' must be an object like {\"pursue\": 70, \"reject\": 50, \"floor\": 40}.", "thresholds");
        }

        double? Read(string key) => given.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new PluginInputException("A threshold must be a number from 0 to 100.", "thresholds." + key)
            : null;
        return Thresholds(Read("pursue"), Read("reject"), Read("floor"), "thresholds.") ?? StrategyThresholds.Default;
    }

    private static double Number(JsonElement item, string key, int index)
    {
        if (!item.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new PluginInputException($"A criterion needs a {key}.", Path(index, key));
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new PluginInputException($"The {key} must be a number.", Path(index, key));
    }

    private static double Percent(double value, string path) => value is >= 0 and <= 100 && double.IsFinite(value)
        ? value
        : throw new PluginInputException(Text($"A threshold must be from 0 to 100; it is {value}."), path);

    private static string? OptionalText(JsonElement item, string key, string path)
    {
        if (!item.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null
            : throw new PluginInputException($"'{key}' must be text.", path);
    }

    private static string Path(int index, string key) => Text($"criteria[{index}].{key}");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
