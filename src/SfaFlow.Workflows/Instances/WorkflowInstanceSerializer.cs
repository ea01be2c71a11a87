using System.Text.Json;
using System.Text.Json.Serialization;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Workflows.Instances;

/// <summary>
/// Writes an instance's whole state as JSON and reads it back. Values (variables, inputs, outputs, payloads) are written as
/// plain JSON; keys such as <c>$id</c> and <c>$schema</c> inside them are ordinary data, never serializer metadata.
/// </summary>
public static class WorkflowInstanceSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(WorkflowInstance instance) => JsonSerializer.Serialize(instance, Options);

    /// <exception cref="JsonException">The text is not a serialized instance.</exception>
    public static WorkflowInstance Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(json, Options) ?? throw new JsonException("The JSON holds no workflow instance.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Populate keeps the dictionaries' comparers (instance input names are case-insensitive).
            PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // Stored state, never embedded in HTML: write '+', '<' and non-ASCII text as they are, so that a value reads
            // back and writes again byte for byte.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(), new PlainValueConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads untyped values as plain .NET data (text, numbers, booleans, JSON nodes) rather than JsonElement.</summary>
    private sealed class PlainValueConverter : JsonConverter<object>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return ValueConverter.FromJsonElement(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
        {
            if (value.GetType() == typeof(object))
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
                return;
            }

            JsonSerializer.Serialize(writer, value, value.GetType(), options);
        }
    }
}
