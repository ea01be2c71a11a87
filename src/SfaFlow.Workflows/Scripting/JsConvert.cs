using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// Converts between .NET values and JavaScript values without ever handing a CLR object to a script: everything crosses as
/// plain JavaScript data (objects, arrays, strings, numbers, booleans, dates). That is what keeps reflection out of reach.
/// </summary>
internal static class JsConvert
{
    private const int MaxDepth = 64;

    private static readonly JsonSerializerOptions PocoOptions = new(JsonSerializerDefaults.Web);

    /// <param name="engine">The engine the value is for.</param>
    /// <param name="value">A .NET value.</param>
    /// <param name="frozen">Make objects and arrays read-only (used for input globals such as <c>lead</c>).</param>
    public static JsValue ToJs(Engine engine, object? value, bool frozen = false) => ToJs(engine, value, frozen, 0);

    private static JsValue ToJs(Engine engine, object? value, bool frozen, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ScriptEvaluationException(ScriptFailure.Error, $"The value is nested deeper than {MaxDepth} levels.");
        }

        switch (value)
        {
            case null:
                return JsValue.Null;
            case JsValue js:
                return js;
            case string s:
                return new JsString(s);
            case bool b:
                return b ? JsBoolean.True : JsBoolean.False;
            case int or long or short or byte or uint or ulong or ushort or sbyte or float or double or decimal:
                return new JsNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case DateTimeOffset date:
                return new JsDate(engine, date);
            case DateTime dateTime:
                return new JsDate(engine, new DateTimeOffset(DateTime.SpecifyKind(dateTime,
                    dateTime.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dateTime.Kind)));
            case TimeSpan or Guid or Enum or DateOnly or TimeOnly:
                return new JsString(ValueConverter.ToText(value));
            case JsonElement element:
                return FromJsonElement(engine, element, frozen, depth);
            case JsonNode node:
                return FromJsonNode(engine, node, frozen, depth);
            case IDictionary dictionary:
                var obj = new JsObject(engine);
                foreach (DictionaryEntry entry in dictionary)
                {
                    AddProperty(obj, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", ToJs(engine, entry.Value, frozen, depth + 1));
                }

                return Seal(engine, obj, frozen);
            case IEnumerable enumerable:
                var items = new List<JsValue>();
                foreach (var item in enumerable)
                {
                    items.Add(ToJs(engine, item, frozen, depth + 1));
                }

                return Seal(engine, new JsArray(engine, [.. items]), frozen);
            default:
                // Records and other objects cross as their JSON shape (camelCase), never as live CLR objects.
                return FromJsonNode(engine, JsonSerializer.SerializeToNode(value, value.GetType(), PocoOptions), frozen, depth);
        }
    }

    private static JsValue FromJsonElement(Engine engine, JsonElement element, bool frozen, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsObject(engine);
                foreach (var property in element.EnumerateObject())
                {
                    AddProperty(obj, property.Name, FromJsonElement(engine, property.Value, frozen, depth + 1));
                }

                return Seal(engine, obj, frozen);
            case JsonValueKind.Array:
                return Seal(engine, new JsArray(engine, [.. element.EnumerateArray().Select(item => FromJsonElement(engine, item, frozen, depth + 1))]), frozen);
            default:
                return ToJs(engine, ValueConverter.FromJsonElement(element), frozen, depth);
        }
    }

    private static JsValue FromJsonNode(Engine engine, JsonNode? node, bool frozen, int depth)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject jsonObject:
                var obj = new JsObject(engine);
                foreach (var (key, child) in jsonObject)
                {
                    AddProperty(obj, key, FromJsonNode(engine, child, frozen, depth + 1));
                }

                return Seal(engine, obj, frozen);
            case JsonArray jsonArray:
                return Seal(engine, new JsArray(engine, [.. jsonArray.Select(child => FromJsonNode(engine, child, frozen, depth + 1))]), frozen);
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                return FromJsonElement(engine, element, frozen, depth);
            default:
                // A value node built in code wraps a plain .NET value.
                return ToJs(engine, node.GetValue<object>(), frozen, depth);
        }
    }

    private static void AddProperty(ObjectInstance obj, string key, JsValue value) =>
        obj.FastSetProperty(key, new PropertyDescriptor(value, PropertyFlag.ConfigurableEnumerableWritable));

    private static JsValue Seal(Engine engine, ObjectInstance obj, bool frozen) =>
        frozen ? engine.Call(engine.Intrinsics.Object.Get("freeze"), obj) : obj;

    /// <summary>
    /// A script value as plain .NET data: null, bool, double, string, DateTimeOffset, or a JSON node for objects and
    /// arrays. Functions and symbols have no data form and become null.
    /// </summary>
    public static object? FromJs(JsValue value) => FromJs(value, 0);

    private static object? FromJs(JsValue value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ScriptEvaluationException(ScriptFailure.Error, $"The script's value is nested deeper than {MaxDepth} levels.");
        }

        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return value.AsBoolean();
        }

        if (value.IsNumber())
        {
            return value.AsNumber();
        }

        if (value.IsString())
        {
            return value.AsString();
        }

        if (value.IsDate())
        {
            var ms = value.AsDate().DateValue;
            return double.IsNaN(ms) ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
        }

        if (value.IsArray())
        {
            var array = value.AsArray();
            var result = new JsonArray();
            for (uint i = 0; i < array.Length; i++)
            {
                result.Add(ToNode(FromJs(array.Get(i), depth + 1)));
            }

            return result;
        }

        if (value is ObjectInstance obj && !value.IsCallable())
        {
            var result = new JsonObject();
            foreach (var key in obj.GetOwnPropertyKeys(Jint.Runtime.Types.String))
            {
                var descriptor = obj.GetOwnProperty(key);
                if (descriptor.Enumerable)
                {
                    result[key.AsString()] = ToNode(FromJs(obj.Get(key), depth + 1));
                }
            }

            return result;
        }

        return null;
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        bool b => JsonValue.Create(b),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        string s => JsonValue.Create(s),
        DateTimeOffset date => JsonValue.Create(date),
        _ => JsonValue.Create(value.ToString()),
    };
}
