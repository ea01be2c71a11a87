using System.CommandLine;
using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Cli.Commands;

/// <summary>
/// <c>sfaflow plugin-hash &lt;folders...&gt;</c>: the hash the host computes for a plugin folder, to put in
/// <c>SfaFlow:Plugins:AllowedHashes</c> before the plugin is installed.
/// </summary>
internal static class PluginHashCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folders = new Argument<string[]>("folders")
        {
            Description = "Plugin folders (each with its plugin.json), as they will be copied into the host's plugins folder.",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command("plugin-hash", "Print the allow-list hash of each plugin folder; exit code 1 when one is missing.")
        {
            folders,
        };
        command.SetAction(parse => Print(parse.GetValue(folders) ?? [], stdout, stderr));
        return command;
    }

    private static int Print(IReadOnlyList<string> folders, TextWriter stdout, TextWriter stderr)
    {
        var failed = false;
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                stderr.WriteLine($"{folder}: folder not found");
                failed = true;
                continue;
            }

            if (!File.Exists(Path.Combine(folder, PluginManifest.FileName)))
            {
                // Still hashed: the host hashes such a folder too, then refuses it for the missing manifest.
                stderr.WriteLine($"warning: {folder} has no {PluginManifest.FileName}; the host will not load it.");
            }

            stdout.WriteLine($"{PluginHash.Compute(folder)}  {folder}");
        }

        return failed ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
