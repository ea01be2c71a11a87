using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

public static partial class ElsaJsonReader
{
    private sealed partial class ReadContext
    {
        private static readonly HashSet<string> ActivityKeys = new(StringComparer.OrdinalIgnoreCase)
        {
            "id", "type", "version", "name", "customProperties", "metadata", "canStartWorkflow", "runAsynchronously",
            "applicationProperties",
        };

        private static readonly string[] KnownCustomProperties =
            ["canStartWorkflow", "runAsynchronously", "mergeMode", "commitStrategyName", "notFoundConnections"];

        private static readonly HashSet<string> FlowchartKeys = new(StringComparer.OrdinalIgnoreCase)
        {
            "activities", "connections", "variables",
        };

        private ActivityNode? ReadActivity(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"An activity must be an object, not {Describe(element)}.");
                return null;
            }

            var id = OptionalString(element, "id", path);
            var type = OptionalString(element, "type", path);
            if (string.IsNullOrWhiteSpace(id))
            {
                Error(Child(path, "id"), "The activity has no id.");
                return null;
            }

            if (string.IsNullOrWhiteSpace(type))
            {
                Error(Child(path, "type"), $"Activity '{id}' has no type.");
                return null;
            }

            if (!_activityPaths.TryAdd(id, path))
            {
                Error(Child(path, "id"), $"Duplicate activity id '{id}'; it is already used at {_activityPaths[id]}.");
            }

            var isFlowchart = type == "Elsa.Flowchart";
            var isContainer = type == "Elsa.FlowNode";
            return new ActivityNode
            {
                Id = id,
                Type = type,
                Version = OptionalInt(element, "version", path) ?? 1,
                Name = OptionalString(element, "name", path),
                CustomProperties = ReadCustomProperties(element, path),
                Metadata = ReadObject(Property(element, "metadata"), Child(path, "metadata")),
                Properties = new JsonDictionary(element.EnumerateObject()
                    .Where(p => !ActivityKeys.Contains(p.Name) &&
                                !(isFlowchart && FlowchartKeys.Contains(p.Name)) &&
                                !(isContainer && string.Equals(p.Name, "body", StringComparison.OrdinalIgnoreCase)))
                    .Select(p => new KeyValuePair<string, JsonElement>(ToCamelCase(p.Name), NormalizeWrapper(p.Value)))),
                Flowchart = isFlowchart ? ReadFlowchart(element, path) : null,
                Body = isContainer && Property(element, "body") is { } body ? ReadActivity(body, Child(path, "body")) : null,
            };
        }

        /// <summary>
        /// Merges the places older files kept custom properties (<c>applicationProperties</c>, top-level
        /// <c>canStartWorkflow</c> and <c>runAsynchronously</c>); the <c>customProperties</c> value wins. The keys Elsa itself
        /// reads get their 3.6 spelling: Elsa looks them up case-sensitively.
        /// </summary>
        private JsonDictionary ReadCustomProperties(JsonElement element, string path)
        {
            var merged = ReadObject(Property(element, "customProperties"), Child(path, "customProperties"))
                .Select(p => new KeyValuePair<string, JsonElement>(CanonicalCustomProperty(p.Key), p.Value))
                .ToList();
            void AddIfMissing(string key, JsonElement value)
            {
                key = CanonicalCustomProperty(key);
                if (!merged.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)))
                {
                    merged.Add(new(key, value.Clone()));
                }
            }

            foreach (var legacy in new[] { "canStartWorkflow", "runAsynchronously" })
            {
                if (Property(element, legacy) is { } value)
                {
                    AddIfMissing(legacy, value);
                }
            }

            foreach (var property in ReadObject(Property(element, "applicationProperties"), Child(path, "applicationProperties")))
            {
                AddIfMissing(property.Key, property.Value);
            }

            return new JsonDictionary(merged);
        }

        private static string CanonicalCustomProperty(string key) =>
            Canonical(KnownCustomProperties, key) ?? key;

        private FlowchartContent ReadFlowchart(JsonElement element, string path)
        {
            var activities = new List<ActivityNode>();
            var items = ReadArray(Property(element, "activities"), Child(path, "activities"));
            for (var i = 0; i < items.Count; i++)
            {
                if (ReadActivity(items[i], Index(Child(path, "activities"), i)) is { } activity)
                {
                    activities.Add(activity);
                }
            }

            var ids = activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            return new FlowchartContent(
                activities,
                ReadConnections(Property(element, "connections"), Child(path, "connections"), ids),
                ReadVariables(Property(element, "variables"), Child(path, "variables")));
        }
    }
}
