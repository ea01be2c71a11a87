using System.Text.Json;
using System.Text.Json.Serialization;

namespace SfaFlow.Workflows.Tests.Samples;

/// <summary>One entry of <c>elsa-samples/expected.json</c>: what Elsa's own test expects of a sample workflow.</summary>
public sealed record ElsaSample
{
    public required string File { get; init; }

    public required string FlowchartMode { get; init; }

    public Dictionary<string, JsonElement>? Inputs { get; init; }

    public List<string>? ExpectedLines { get; init; }

    public string? ExpectedStatus { get; init; }

    public string? ExpectedSubStatus { get; init; }

    public Dictionary<string, JsonElement>? ExpectedVariables { get; init; }

    public Dictionary<string, JsonElement>? ExpectedOutputs { get; init; }

    public bool? ExpectBookmarks { get; init; }

    public string? Notes { get; init; }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    [JsonIgnore]
    public string Path { get; init; } = "";

    public override string ToString() => File;

    public static IReadOnlyList<ElsaSample> Load(string folder)
    {
        var expected = System.IO.Path.Combine(folder, "expected.json");
        if (!System.IO.File.Exists(expected))
        {
            throw new FileNotFoundException($"The Elsa samples are missing: {expected} does not exist. They live in the team's shared folder (set SFAFLOW_SHARED to point elsewhere).", expected);
        }

        var samples = JsonSerializer.Deserialize<List<ElsaSample>>(System.IO.File.ReadAllText(expected), Options)!;
        return [.. samples.Select(s => s with { Path = System.IO.Path.Combine(folder, s.File) })];
    }
}
