using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SfaFlow.Sales.Workflows.Mail;

/// <summary>
/// Fills <c>{{root.path}}</c> placeholders in subjects and bodies: <c>{{lead.name}}</c>, <c>{{opportunity.amount}}</c>,
/// <c>{{account.name}}</c>, <c>{{vars.Discount}}</c>. A placeholder that names nothing is an error rather than an empty
/// string, so a typo in a template stops the workflow (an incident) instead of mailing a customer "Dear ,".
/// </summary>
public static partial class MailTemplate
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <param name="template">The text with placeholders.</param>
    /// <param name="values">Values by root name (<c>lead</c>, <c>vars</c>, ...): dictionaries, lists or plain values.</param>
    /// <param name="html">Whether the text is HTML: values are then HTML-encoded, so record data cannot inject markup.</param>
    /// <exception cref="InvalidOperationException">A placeholder names something the values do not have.</exception>
    public static string Render(string template, IReadOnlyDictionary<string, object?> values, bool html = false)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(template, match =>
        {
            var path = match.Groups[1].Value;
            var text = Format(Resolve(path, values));
            return html ? WebUtility.HtmlEncode(text) : text;
        });
    }

    /// <summary>The workflow variables a template names (<c>{{vars.X}}</c>), so that only those are read.</summary>
    public static IEnumerable<string> VariableNames(string? template) => template is null ? [] :
        Placeholder().Matches(template).Select(m => m.Groups[1].Value.Split('.')).Where(p => p.Length > 1 && p[0] == "vars").Select(p => p[1]);

    private static object? Resolve(string path, IReadOnlyDictionary<string, object?> values)
    {
        var segments = path.Split('.');
        if (!values.TryGetValue(segments[0], out var current))
        {
            throw Unknown(path, $"there is no '{segments[0]}' here (known: {string.Join(", ", values.Keys.Select(k => k + ".*"))})");
        }

        foreach (var segment in segments.Skip(1))
        {
            current = current switch
            {
                IDictionary<string, object?> map when map.TryGetValue(segment, out var next) => next,
                IDictionary<string, object?> map when map.Keys.FirstOrDefault(k => string.Equals(k, segment, StringComparison.OrdinalIgnoreCase)) is { } key => map[key],
                IList list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Count => list[index],
                _ => throw Unknown(path, $"'{segment}' is not a field of {Describe(current)}"),
            };
        }

        return current;
    }

    private static InvalidOperationException Unknown(string path, string why) =>
        new($"Unknown placeholder {{{{{path}}}}}: {why}.");

    private static string Describe(object? value) => value switch
    {
        null => "an empty value",
        IDictionary<string, object?> map => $"a record with fields {string.Join(", ", map.Keys)}",
        _ => $"the value '{Format(value)}'",
    };

    private static string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("0.##", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => Join(sequence),
        _ => value.ToString() ?? "",
    };

    private static string Join(IEnumerable sequence)
    {
        var builder = new StringBuilder();
        foreach (var item in sequence)
        {
            builder.Append(builder.Length == 0 ? "" : ", ").Append(Format(item));
        }

        return builder.ToString();
    }
}
