using System.Text;
using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

/// <summary>
/// Writes a definition in the shape Elsa 3.6 exports (nested connections, camelCase keys, custom properties under
/// <c>customProperties</c>), so Elsa Studio imports what SfaFlow exports. Keys SfaFlow did not interpret are written back
/// as they were read.
/// </summary>
public static class ElsaJsonWriter
{
    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(WorkflowDefinition definition)
    {
        using var stream = new MemoryStream();
        Write(definition, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(WorkflowDefinition definition, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        WriteDefinition(writer, definition);
    }

    private static void WriteDefinition(Utf8JsonWriter writer, WorkflowDefinition definition)
    {
        writer.WriteStartObject();
        writer.WriteString("$schema", definition.Extra.GetString("$schema") ?? SchemaUrl);
        writer.WriteString("id", definition.Id);
        writer.WriteString("definitionId", definition.DefinitionId);
        WriteOptional(writer, "name", definition.Name);
        WriteOptional(writer, "description", definition.Description);
        if (definition.CreatedAt is { } createdAt)
        {
            writer.WriteString("createdAt", createdAt);
        }

        writer.WriteNumber("version", definition.Version);
        WriteOptional(writer, "toolVersion", definition.ToolVersion);
        writer.WriteStartArray("variables");
        foreach (var variable in definition.Variables)
        {
            WriteVariable(writer, variable);
        }

        writer.WriteEndArray();
        WriteRawArray(writer, "inputs", definition.Inputs.Select(i => i.Raw));
        WriteRawArray(writer, "outputs", definition.Outputs.Select(o => o.Raw));
        writer.WriteStartArray("outcomes");
        foreach (var outcome in definition.Outcomes)
        {
            writer.WriteStringValue(outcome);
        }

        writer.WriteEndArray();
        WriteObject(writer, "customProperties", definition.CustomProperties);
        writer.WriteBoolean("isReadonly", definition.IsReadonly);
        writer.WriteBoolean("isSystem", definition.IsSystem);
        writer.WriteBoolean("isLatest", definition.IsLatest);
        writer.WriteBoolean("isPublished", definition.IsPublished);
        WriteObject(writer, "options", definition.Options);
        writer.WritePropertyName("root");
        WriteActivity(writer, definition.Root);
        WriteProperties(writer, definition.Extra.Where(p => p.Key != "$schema"));
        writer.WriteEndObject();
    }

    private static void WriteActivity(Utf8JsonWriter writer, ActivityNode activity)
    {
        writer.WriteStartObject();
        WriteProperties(writer, activity.Properties);
        writer.WriteString("id", activity.Id);
        WriteOptional(writer, "name", activity.Name);
        writer.WriteString("type", activity.Type);
        writer.WriteNumber("version", activity.Version);
        WriteObject(writer, "customProperties", activity.CustomProperties);
        WriteObject(writer, "metadata", activity.Metadata);
        if (activity.Body is { } body)
        {
            writer.WritePropertyName("body");
            WriteActivity(writer, body);
        }

        if (activity.Flowchart is { } flowchart)
        {
            writer.WriteStartArray("activities");
            foreach (var child in flowchart.Activities)
            {
                WriteActivity(writer, child);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("variables");
            foreach (var variable in flowchart.Variables)
            {
                WriteVariable(writer, variable);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("connections");
            foreach (var connection in flowchart.Connections)
            {
                WriteConnection(writer, connection);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteConnection(Utf8JsonWriter writer, Connection connection)
    {
        writer.WriteStartObject();
        WriteEndpoint(writer, "source", connection.Source);
        WriteEndpoint(writer, "target", connection.Target);
        if (connection.Vertices is { } vertices)
        {
            writer.WritePropertyName("vertices");
            vertices.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteEndpoint(Utf8JsonWriter writer, string name, Endpoint endpoint)
    {
        writer.WriteStartObject(name);
        writer.WriteString("activity", endpoint.Activity);
        WriteOptional(writer, "port", endpoint.Port);
        writer.WriteEndObject();
    }

    private static void WriteVariable(Utf8JsonWriter writer, VariableDefinition variable)
    {
        writer.WriteStartObject();
        writer.WriteString("id", variable.Id);
        writer.WriteString("name", variable.Name);
        writer.WriteString("typeName", variable.TypeName);
        writer.WriteBoolean("isArray", variable.IsArray);
        if (variable.Value is { } value)
        {
            writer.WritePropertyName("value");
            value.WriteTo(writer);
        }

        WriteOptional(writer, "storageDriverTypeName", variable.StorageDriverTypeName);
        WriteProperties(writer, variable.Extra);
        writer.WriteEndObject();
    }

    private static void WriteRawArray(Utf8JsonWriter writer, string name, IEnumerable<JsonDictionary> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            WriteProperties(writer, item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter writer, string name, JsonDictionary properties)
    {
        writer.WriteStartObject(name);
        WriteProperties(writer, properties);
        writer.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, JsonElement>> properties)
    {
        foreach (var (key, value) in properties)
        {
            writer.WritePropertyName(key);
            value.WriteTo(writer);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
