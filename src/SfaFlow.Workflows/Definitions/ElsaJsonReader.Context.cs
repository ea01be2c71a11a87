using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

public static partial class ElsaJsonReader
{
    /// <summary>State of one read: the diagnostics so far and the activity ids already seen.</summary>
    private sealed partial class ReadContext
    {
        private static readonly HashSet<string> DefinitionKeys = new(StringComparer.OrdinalIgnoreCase)
        {
            "id", "definitionId", "name", "description", "createdAt", "version", "toolVersion", "variables", "inputs",
            "outputs", "outcomes", "customProperties", "options", "isReadonly", "isSystem", "isLatest", "isPublished", "root",
        };

        private readonly Dictionary<string, string> _activityPaths = new(StringComparer.Ordinal);

        public List<DefinitionDiagnostic> Diagnostics { get; } = [];

        public WorkflowDefinition? ReadDefinition(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error("$", $"A workflow definition must be a JSON object, not {Describe(element)}.");
                return null;
            }

            var root = Property(element, "root");
            if (root is null)
            {
                Error("$", "The definition has no 'root' activity.");
                return null;
            }

            var rootNode = ReadActivity(root.Value, "$.root");
            if (rootNode is null)
            {
                return null;
            }

            var id = OptionalString(element, "id", "$");
            var definitionId = OptionalString(element, "definitionId", "$");
            return new WorkflowDefinition
            {
                Id = id ?? definitionId ?? rootNode.Id,
                DefinitionId = definitionId ?? id ?? rootNode.Id,
                Name = OptionalString(element, "name", "$"),
                Description = OptionalString(element, "description", "$"),
                CreatedAt = OptionalDate(element, "createdAt", "$"),
                Version = OptionalInt(element, "version", "$") ?? 1,
                ToolVersion = OptionalString(element, "toolVersion", "$"),
                Variables = ReadVariables(Property(element, "variables"), "$.variables"),
                Inputs = ReadPortDefinitions(Property(element, "inputs"), "$.inputs", (name, type, raw) => new WorkflowInputDefinition(name, type, raw)),
                Outputs = ReadPortDefinitions(Property(element, "outputs"), "$.outputs", (name, type, raw) => new WorkflowOutputDefinition(name, type, raw)),
                Outcomes = ReadStrings(Property(element, "outcomes"), "$.outcomes"),
                CustomProperties = ReadObject(Property(element, "customProperties"), "$.customProperties"),
                Options = ReadObject(Property(element, "options"), "$.options", camelCaseKeys: true),
                IsReadonly = OptionalBool(element, "isReadonly", "$") ?? false,
                IsSystem = OptionalBool(element, "isSystem", "$") ?? false,
                IsLatest = OptionalBool(element, "isLatest", "$") ?? true,
                IsPublished = OptionalBool(element, "isPublished", "$") ?? false,
                Root = rootNode,
                Extra = new JsonDictionary(element.EnumerateObject()
                    .Where(p => !DefinitionKeys.Contains(p.Name))
                    .Select(p => new KeyValuePair<string, JsonElement>(ToCamelCase(p.Name), p.Value.Clone()))),
            };
        }

        private void Error(string path, string message) => Diagnostics.Add(new DefinitionDiagnostic(path, message));

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "an object",
        };
    }
}
