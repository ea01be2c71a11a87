using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Plugins.Tests.Support;

/// <summary>
/// An engine with the plugin loader over a fresh temporary plugins folder, into which tests copy built plugins (from
/// the test binaries' <c>plugins/</c>, where the build puts them) and change them.
/// </summary>
internal sealed class PluginTestHost : IDisposable
{
    public PluginTestHost(Action<PluginOptions>? configure = null)
    {
        Directory.CreateDirectory(Folder);
        Engine = new TestEngine(configure: services =>
        {
            services.AddSingleton<ILoggerFactory>(new LoggerFactory([Log]));
            services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            services.AddSingleton<IPluginHostServices>(HostServices);
            services.AddSfaFlowPlugins();
            services.Configure<PluginOptions>(options =>
            {
                options.Folder = Folder;
                configure?.Invoke(options);
            });
        });
        Plugins = Engine.Services.GetRequiredService<PluginManager>();
    }

    public static string BuiltPlugins => Path.Combine(AppContext.BaseDirectory, "plugins");

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "sfaflow-plugin-tests", Guid.NewGuid().ToString("N"));

    public TestHostServices HostServices { get; } = new();

    /// <summary>What the host logged.</summary>
    public RecordingLoggerProvider Log { get; } = new();

    public TestEngine Engine { get; }

    public PluginManager Plugins { get; }

    /// <summary>Copies a built plugin into the folder as <paramref name="name"/>, optionally changing its manifest.</summary>
    public string Add(string project = "GoodPlugin", string? name = null, Action<JsonObject>? manifest = null)
    {
        var target = Path.Combine(Folder, name ?? project);
        CopyInto(Path.Combine(BuiltPlugins, project), target);
        if (manifest is not null)
        {
            var path = Path.Combine(target, "plugin.json");
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            manifest(json);
            File.WriteAllText(path, json.ToJsonString());
        }

        return target;
    }

    public static void CopyInto(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    public void Dispose()
    {
        Plugins.Dispose();
        Engine.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
