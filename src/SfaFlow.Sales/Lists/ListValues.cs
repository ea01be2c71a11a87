using System.Globalization;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// Values as text, the one way for filters, CSV exports and CSV imports, so that an exported file imports again unchanged:
/// invariant culture, dates yyyy-MM-dd, moments in UTC (yyyy-MM-ddTHH:mm:ssZ), enums by name, true/false.
/// </summary>
public static class ListValues
{
    private static readonly string[] MomentFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd"];

    /// <summary>Reads a value of the type (or its nullable form); false when the text is not one.</summary>
    public static bool TryParse(Type type, string text, out object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(text);
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = CultureInfo.InvariantCulture;
        text = target == typeof(string) ? text : text.Trim();
        (var ok, value) = target switch
        {
            _ when target == typeof(string) => (true, text),
            _ when target == typeof(long) => (long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var l), (object)l),
            _ when target == typeof(int) => (int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var i), i),
            _ when target == typeof(decimal) => (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant, out var d), d),
            _ when target == typeof(bool) => ParseBool(text),
            _ when target == typeof(DateOnly) => (DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date), date),
            _ when target == typeof(DateTimeOffset) => (DateTimeOffset.TryParseExact(text, MomentFormats, invariant, DateTimeStyles.AssumeUniversal, out var moment), moment),
            // Names only: a number would pass Enum.TryParse, but numbers are not part of the API.
            _ when target.IsEnum => (Enum.TryParse(target, text, ignoreCase: true, out var named) && text.Length > 0 && !char.IsAsciiDigit(text[0]) && text[0] != '-', named),
            _ => throw new NotSupportedException($"List values of type {target.Name} are not supported."),
        };
        return ok;
    }

    /// <summary>Whether a moment's text is a date alone (which, as a filter, means that whole day).</summary>
    public static bool IsDateOnly(string text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>What a value of the type looks like, for messages ("amountMin must be a number ...").</summary>
    public static string Expectation(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(long) || target == typeof(int) => "a whole number",
            _ when target == typeof(decimal) => "a number, with a point for decimals (1250.50)",
            _ when target == typeof(bool) => "true or false",
            _ when target == typeof(DateOnly) => "a date (yyyy-MM-dd)",
            _ when target == typeof(DateTimeOffset) => "a date (yyyy-MM-dd) or a moment (yyyy-MM-ddTHH:mm:ssZ)",
            _ when target.IsEnum => $"one of {string.Join(", ", Enum.GetNames(target))}",
            _ => "text",
        };
    }

    /// <summary>A value as text; null stays null (an empty CSV cell).</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        decimal number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum named => named.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static (bool, object?) ParseBool(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => (true, true),
        "FALSE" or "0" or "NO" => (true, false),
        _ => (false, null),
    };
}
