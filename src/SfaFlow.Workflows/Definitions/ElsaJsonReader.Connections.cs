using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

public static partial class ElsaJsonReader
{
    private sealed partial class ReadContext
    {
        private List<Connection> ReadConnections(JsonElement? element, string path, HashSet<string> activityIds)
        {
            var connections = new List<Connection>();
            var items = ReadArray(element, path);
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = Index(path, i);
                if (ReadConnection(items[i], itemPath) is not { } connection)
                {
                    continue;
                }

                var dangling = false;
                foreach (var (end, endpoint) in new[] { ("source", connection.Source), ("target", connection.Target) })
                {
                    if (!activityIds.Contains(endpoint.Activity))
                    {
                        Error(Child(itemPath, end), $"The connection's {end} '{endpoint.Activity}' is not an activity of this flowchart.");
                        dangling = true;
                    }
                }

                if (!dangling)
                {
                    connections.Add(connection);
                }
            }

            return connections;
        }

        /// <summary>Reads the nested 3.x shape and the flat pre-GA shape (<c>source</c>, <c>sourcePort</c>, ...).</summary>
        private Connection? ReadConnection(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"A connection must be an object, not {Describe(element)}.");
                return null;
            }

            var source = ReadEndpoint(element, "source", "sourcePort", path);
            var target = ReadEndpoint(element, "target", "targetPort", path);
            if (source is null || target is null)
            {
                return null;
            }

            return new Connection(source, target) { Vertices = Property(element, "vertices")?.Clone() };
        }

        private Endpoint? ReadEndpoint(JsonElement connection, string key, string flatPortKey, string path)
        {
            var value = Property(connection, key);
            var endPath = Child(path, key);
            switch (value?.ValueKind)
            {
                case JsonValueKind.String:
                    return new Endpoint(value.Value.GetString()!, OptionalString(connection, flatPortKey, path));
                case JsonValueKind.Object:
                    var activity = OptionalString(value.Value, "activity", endPath);
                    if (string.IsNullOrWhiteSpace(activity))
                    {
                        Error(endPath, $"The connection's {key} names no activity.");
                        return null;
                    }

                    return new Endpoint(activity, OptionalString(value.Value, "port", endPath));
                case null:
                    Error(path, $"The connection has no {key}.");
                    return null;
                default:
                    Error(endPath, $"Expected an activity id or {{activity, port}}, found {Describe(value.Value)}.");
                    return null;
            }
        }
    }
}
