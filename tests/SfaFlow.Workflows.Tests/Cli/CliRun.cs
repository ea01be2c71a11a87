using System.Text.Json;
using SfaFlow.Cli;

namespace SfaFlow.Workflows.Tests.Cli;

/// <summary>One in-process run of <c>sfaflow</c> through its real entry point, with what it wrote to each stream.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Standard output parsed as the single JSON object <c>--json</c> promises (throws when it is anything else).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    public IReadOnlyList<string?> JsonLines() => [.. Json().GetProperty("lines").EnumerateArray().Select(line => line.GetString())];

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Stdout}stderr:{Environment.NewLine}{Stderr}";
}
