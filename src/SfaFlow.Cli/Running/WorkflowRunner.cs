using SfaFlow.Cli.Hosting;
using SfaFlow.Cli.Output;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Cli.Running;

/// <summary><c>sfaflow run</c> after parsing: load and check the files, drive the run, write the report, pick the exit code.</summary>
internal static class WorkflowRunner
{
    public static async Task<int> RunAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        using var host = new EngineHost();
        foreach (var path in request.WorkflowActivities)
        {
            if (Load(host.Engine, path, stderr) is not { } child)
            {
                return ExitCodes.BadInput;
            }

            if (WorkflowActivities.TryRegister(host.Engine, child, path) is { } problem)
            {
                stderr.WriteLine($"error: {problem}");
                return ExitCodes.BadInput;
            }
        }

        if (Load(host.Engine, request.File, stderr) is not { } definition)
        {
            return ExitCodes.BadInput;
        }

        RunOutcome outcome;
        try
        {
            outcome = await new WorkflowDriver(host, definition, request).RunAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or WorkflowDefinitionException
                                              or ValueConversionException or UnknownActivityTypeException or BookmarkNotFoundException)
        {
            // The engine refuses what it cannot run (for example an input it cannot convert); activity faults never get here.
            stderr.WriteLine($"error: {request.File}: {exception.Message}");
            return ExitCodes.BadInput;
        }

        foreach (var warning in outcome.Warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }

        if (request.Json)
        {
            JsonRunWriter.Write(outcome, stdout);
        }
        else
        {
            HumanRunWriter.Write(outcome, stdout);
        }

        return outcome.ExitCode;
    }

    /// <summary>Reads and validates a file; errors and warnings go to standard error (standard output is the report).</summary>
    private static WorkflowDefinition? Load(WorkflowEngine engine, string path, TextWriter stderr)
    {
        if (WorkflowFile.TryRead(path, out var error) is not { } text)
        {
            stderr.WriteLine($"error: {error}");
            return null;
        }

        var result = engine.Validate(text);
        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine($"{path}: {diagnostic}");
        }

        return result.Succeeded ? result.Definition : null;
    }
}
