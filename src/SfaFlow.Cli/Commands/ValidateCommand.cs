using System.CommandLine;
using SfaFlow.Cli.Hosting;
using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Cli.Commands;

/// <summary><c>sfaflow validate &lt;files...&gt;</c>: reads and checks each file, printing every diagnostic with its location.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Workflow JSON files (Elsa 3 format).",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command("validate", "Check workflow files; exit code 1 when any file has an error or cannot be read.")
        {
            files,
        };
        command.SetAction(parse => Validate(parse.GetValue(files) ?? [], stdout, stderr));
        return command;
    }

    private static int Validate(IReadOnlyList<string> paths, TextWriter stdout, TextWriter stderr)
    {
        using var host = new EngineHost();
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        var failed = false;
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            texts[path] = WorkflowFile.TryRead(path, out var error);
            if (error is not null)
            {
                stderr.WriteLine(error);
                failed = true;
            }
        }

        RegisterWorkflowActivities(host, texts, stderr);
        foreach (var (path, text) in texts)
        {
            if (text is not null)
            {
                failed |= Report(path, host.Engine.Validate(text).Diagnostics, stdout);
            }
        }

        return failed ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <summary>
    /// Files validated together may use each other as activities, as Elsa's import does: without this, a parent workflow
    /// would get an "unknown activity type" warning for a child given on the same command line.
    /// </summary>
    private static void RegisterWorkflowActivities(EngineHost host, Dictionary<string, string?> texts, TextWriter stderr)
    {
        foreach (var (path, text) in texts)
        {
            if (text is not null && ElsaJsonReader.Read(text) is { Succeeded: true, Definition: { } definition } &&
                WorkflowActivities.IsUsableAsActivity(definition) &&
                WorkflowActivities.TryRegister(host.Engine, definition, path) is { } problem)
            {
                stderr.WriteLine($"warning: {problem}");
            }
        }
    }

    /// <summary>Writes one line per diagnostic, or "OK"; true when the file has an error.</summary>
    private static bool Report(string path, IReadOnlyList<DefinitionDiagnostic> diagnostics, TextWriter stdout)
    {
        foreach (var diagnostic in diagnostics)
        {
            stdout.WriteLine($"{path}: {diagnostic}");
        }

        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        stdout.WriteLine((errors, warnings) switch
        {
            (0, 0) => $"{path}: OK",
            (0, _) => $"{path}: OK ({Count(warnings, "warning")})",
            _ => $"{path}: FAILED ({Count(errors, "error")})",
        });
        return errors > 0;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
