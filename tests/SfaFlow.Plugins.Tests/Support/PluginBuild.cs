using System.Diagnostics;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Plugins.Tests.Support;

/// <summary>
/// Builds a plugin of the repository in a copy of its own, in a fresh temporary folder, with the real <c>dotnet build</c>:
/// what a plugin developer or a build server elsewhere does with the same commit.
/// </summary>
internal sealed class PluginBuild : IDisposable
{
    /// <summary>What a plugin's build reads: the repository's build settings, the SDK's sources and the plugins' settings.</summary>
    private static readonly string[] BuildFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "plugins/Directory.Build.props"];

    public string Root { get; } = Directory.CreateTempSubdirectory("sfaflow-plugin-build-").FullName;

    /// <summary>Copies the plugin project and what it builds from, builds it, and returns its output folder.</summary>
    public async Task<string> BuildAsync(string project, string configuration, TimeSpan timeout)
    {
        var repository = SharedFolder.RepositoryRoot;
        foreach (var file in BuildFiles)
        {
            Copy(Path.Combine(repository, file), Path.Combine(Root, file));
        }

        CopySources(Path.Combine(repository, "src", "SfaFlow.Plugins.Abstractions"), Path.Combine(Root, "src", "SfaFlow.Plugins.Abstractions"));
        CopySources(Path.Combine(repository, "plugins", project), Path.Combine(Root, "plugins", project));

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["build", $"plugins/{project}/{project}.csproj", "-c", configuration, "-nologo", "-v:q",
            "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            start.ArgumentList.Add(argument);
        }

        // The test host inherits the MSBuild settings of the `dotnet test` that started it; the build starts clean, and
        // leaves no build server or node behind that another suite on the machine would share.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build of {project} did not finish within {timeout.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build of {project} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        return Path.Combine(Root, "plugins", project, "bin", configuration, "net10.0");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static void CopySources(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is not ("bin" or "obj"))
            {
                Copy(file, Path.Combine(target, relative));
            }
        }
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }

    /// <summary>The same dotnet the tests run on (the CLI tells its children where it is).</summary>
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
}
