using System.CommandLine;
using SfaFlow.Cli.Running;

namespace SfaFlow.Cli.Commands;

/// <summary><c>sfaflow run &lt;file&gt;</c>: runs a workflow in memory and reports lines, status, outputs and open bookmarks.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new RunOptions();
        var command = new Command("run", "Run a workflow in memory and print what it wrote, its status, outputs and open bookmarks.")
        {
            options.File,
        };
        foreach (var option in options.Options)
        {
            command.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(options.Payload) is not null && result.GetResult(options.ResumeEvent) is null)
            {
                result.AddError("--payload needs --resume-event.");
            }
        });
        command.SetAction((parse, cancellationToken) => WorkflowRunner.RunAsync(options.ToRequest(parse), stdout, stderr, cancellationToken));
        return command;
    }
}
