using System.CommandLine;
using System.CommandLine.Invocation;
using SfaFlow.Cli.Commands;

namespace SfaFlow.Cli;

/// <summary>
/// The <c>sfaflow</c> command line. Everything writes to the writers it is given, never to <see cref="Console"/>, so tests
/// run the real commands in-process and read what a person would see.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var root = new RootCommand("Validate and run Elsa 3 workflow JSON with the SfaFlow engine; hash plugin folders for the allow-list.")
        {
            ValidateCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            PluginHashCommand.Create(stdout, stderr),
        };

        var parse = root.Parse(args);
        var onError = parse.Action as ParseErrorAction;
        if (onError is not null)
        {
            // A screen of help would bury the line that says what is wrong; a hint after it points to the help instead.
            onError.ShowHelp = false;
        }

        var exitCode = await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
        if (onError is not null)
        {
            var command = parse.CommandResult.Command == root ? "sfaflow" : $"sfaflow {parse.CommandResult.Command.Name}";
            await stderr.WriteLineAsync($"Run '{command} --help' for usage.".AsMemory(), cancellationToken);
        }

        return exitCode;
    }
}
