using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfaFlow.Workflows.Expressions;

/// <summary>
/// Converts expression results to the type an input or variable declares, the way Elsa does: the string "True" becomes a
/// boolean, "00:05:00" a TimeSpan, a JSON array an array of strings, a script's number an Int32.
/// </summary>
public static class ValueConverter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static T? Convert<T>(object? value) => (T?)Convert(value, typeof(T));

    /// <exception cref="ValueConversionException">The value cannot be read as <paramref name="targetType"/>.</exception>
    public static object? Convert(object? value, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (value is null || value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
        {
            return targetType.IsValueType && Nullable.GetUnderlyingType(targetType) is null
                ? Activator.CreateInstance(targetType)
                : null;
        }

        var type = Nullable.GetUnderlyingType(targetType) ?? targetType;
        if (type == typeof(object))
        {
            return value is JsonElement element ? FromJsonElement(element) : value;
        }

        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            return ConvertCore(value, type);
        }
        catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException
                                              or JsonException or ArgumentException or NotSupportedException
                                              or InvalidOperationException)
        {
            throw new ValueConversionException(
                $"Cannot read {Describe(value)} as {Catalog(type)}: {Reason(exception)}", exception);
        }
    }

    private static object? ConvertCore(object value, Type type)
    {
        if (value is JsonElement element)
        {
            value = FromJsonElement(element)!;
            if (type.IsInstanceOfType(value))
            {
                return value;
            }
        }

        if (type == typeof(string))
        {
            return ToText(value);
        }

        if (value is string text)
        {
            return FromString(text, type);
        }

        if (type.IsEnum)
        {
            return Enum.ToObject(type, System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(type) && value is not JsonNode)
        {
            if (IsWholeNumberType(type) && value is double or float or decimal)
            {
                var number = System.Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (number != decimal.Truncate(number))
                {
                    throw new FormatException($"{number.ToString(CultureInfo.InvariantCulture)} is not a whole number.");
                }
            }

            return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }

        if (value is DateTimeOffset dateTimeOffset && type == typeof(DateTime))
        {
            return dateTimeOffset.UtcDateTime;
        }

        if (value is DateTime dateTime && type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(dateTime, dateTime.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dateTime.Kind));
        }

        // Objects and collections (script objects, dictionaries, JSON): go through JSON.
        var json = value as JsonNode ?? JsonSerializer.SerializeToNode(value, JsonOptions);
        return json.Deserialize(type, JsonOptions);
    }

    private static object? FromString(string text, Type type)
    {
        if (type == typeof(bool))
        {
            return bool.Parse(text.Trim());
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        if (type == typeof(DateTime))
        {
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        }

        if (type == typeof(Guid))
        {
            return Guid.Parse(text);
        }

        if (type.IsEnum)
        {
            return Enum.Parse(type, text.Trim(), ignoreCase: true);
        }

        if (typeof(IConvertible).IsAssignableFrom(type))
        {
            return System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }

        // Arrays, lists, objects: the string holds JSON (Elsa's Object expressions and designer values).
        return JsonSerializer.Deserialize(text, type, JsonOptions);
    }

    /// <summary>Text for a value: numbers in invariant culture without a trailing ".0", objects as JSON.</summary>
    public static string ToText(object value) => value switch
    {
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable and not JsonNode => formattable.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        JsonValue jsonValue when jsonValue.TryGetValue<string>(out var s) => s,
        JsonNode node => node.ToJsonString(),
        IEnumerable or IDictionary => JsonSerializer.Serialize(value, JsonOptions),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Plain .NET values for a JSON element: strings, booleans, numbers, and JSON nodes for objects and arrays (copied, so
    /// they outlive the document the element came from).
    /// </summary>
    public static object? FromJsonElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.Object => JsonObject.Create(element.Clone()),
        JsonValueKind.Array => JsonArray.Create(element.Clone()),
        _ => null,
    };

    /// <summary>
    /// Plain .NET data for a JSON element all the way down: strings, booleans, numbers (<see cref="long"/> when whole, else
    /// <see cref="double"/>), null, <c>Dictionary&lt;string, object?&gt;</c> for objects and <c>List&lt;object?&gt;</c> for
    /// arrays: what plugins and other code outside the engine receive, with no JSON types to know.
    /// </summary>
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        _ => FromJsonElement(element),
    };

    private static bool IsWholeNumberType(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) ||
        type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    private static string Describe(object value)
    {
        if (value is JsonElement { ValueKind: JsonValueKind.String } element)
        {
            value = element.GetString()!;
        }

        var text = value is string s ? $"'{s}'" : ToText(value);
        return text.Length > 80 ? text[..77] + "..." : text;
    }

    /// <summary>The exception's message without the serializer's location suffix ("Path: $ | LineNumber: 0 | ...").</summary>
    private static string Reason(Exception exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string Catalog(Type type) => type == typeof(TimeSpan)
        ? "TimeSpan ([d.]hh:mm:ss, e.g. 00:05:00)"
        : Activities.Catalog.TypeAliases.AliasOf(type);
}
