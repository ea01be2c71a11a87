using System.Text.Json.Nodes;
using SfaFlow.Cli.Running;

namespace SfaFlow.Cli.Output;

/// <summary>
/// <c>--json</c>: exactly one JSON object on standard output, nothing else, so the output pipes into <c>jq</c> or a test.
/// Warnings go to standard error.
/// </summary>
internal static class JsonRunWriter
{
    public static void Write(RunOutcome outcome, TextWriter stdout)
    {
        var instance = outcome.Instance;
        var report = new JsonObject
        {
            ["status"] = instance.Status.ToString(),
            ["subStatus"] = instance.SubStatus.ToString(),
            ["lines"] = new JsonArray([.. outcome.Lines.Select(line => JsonValue.Create(line))]),
            ["variables"] = ToObject(RunReport.Variables(outcome)),
            ["outputs"] = ToObject(instance.Output),
            ["bookmarks"] = new JsonArray([.. instance.Bookmarks.Select(b => new JsonObject
            {
                ["type"] = b.Name,
                ["key"] = b.Key,
                ["due"] = RunReport.Due(b),
                ["activityId"] = b.ActivityId,
            })]),
            ["incidents"] = new JsonArray([.. instance.Incidents.Select(i => new JsonObject
            {
                ["activityId"] = i.ActivityId,
                ["message"] = i.Message,
                ["line"] = i.Script?.Line,
                ["column"] = i.Script?.Column,
            })]),
            ["journal"] = new JsonArray([.. instance.Journal.Select(e => new JsonObject
            {
                ["activityId"] = e.ActivityId,
                ["type"] = e.ActivityType,
                ["outcome"] = RunReport.Outcome(e),
                ["status"] = e.Status.ToString(),
            })]),
        };

        stdout.WriteLine(report.ToJsonString(JsonValues.Indented));
    }

    private static JsonObject ToObject(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var result = new JsonObject();
        foreach (var (name, value) in values)
        {
            result[name] = JsonValues.ToNode(value);
        }

        return result;
    }
}
