using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SfaFlow.Plugins;

namespace SfaFlow.Workflows.Plugins;

public sealed partial class PluginManager
{
    /// <summary>
    /// Types whose assemblies every plugin shares with the host (McMaster also shares what those assemblies reference): the
    /// SDK, so that <see cref="ISfaFlowPlugin"/> and the activity base types are the host's, and the DI and logging
    /// abstractions, so that the <see cref="IServiceCollection"/> a plugin fills is the host's type.
    /// </summary>
    private static readonly Type[] SharedTypes =
        [typeof(ISfaFlowPlugin), typeof(IServiceCollection), typeof(ServiceProvider), typeof(ILogger), typeof(TimeProvider)];

    private PluginInfo LoadCore(string folder)
    {
        var info = new PluginInfo { Id = Path.GetFileName(folder), Folder = folder, State = PluginState.Failed, At = clock.GetUtcNow() };
        PluginLoad? load = null;
        try
        {
            var manifest = PluginManifest.Read(Path.Combine(folder, PluginManifest.FileName));
            info = info with
            {
                Id = manifest.Id, Name = manifest.Name, Version = manifest.Version, AbiVersion = manifest.AbiVersion, Description = manifest.Description,
            };
            var hash = PluginHash.Compute(folder);
            info = info with { Hash = hash };
            CheckTrust(manifest, hash);
            load = Open(manifest, folder, hash);
            var plugin = CreateEntry(load);
            load.Services = BuildServices(load, plugin);
            var builder = new PluginBuilder(manifest.Id);
            Run(PluginFailure.RegisterFailed, $"{manifest.Id}: Register threw", () => plugin.Register(builder));
            Contribute(load, builder);
            _loads[folder] = load;
            return info with
            {
                State = PluginState.Loaded,
                Activities = [.. load.ActivityKeys],
                Functions = [.. load.FunctionNames],
                Listeners = [.. load.Listeners.Select(t => t.FullName ?? t.Name)],
                Operations = [.. load.Operations.Values.Select(o => new PluginOperationInfo(o.Name, o.Description))],
            };
        }
        catch (Exception exception)
        {
            if (load is not null)
            {
                Unregister(load);
                DisposeQuietly(load);
            }

            var failure = Classify(exception);
            // Logged with the exception, so the log shows the plugin's own stack; the info keeps it as text only.
            _logger.LogError(failure.Cause, "Plugin in {Folder} failed to load ({Failure}): {Reason}", folder, failure.Failure, failure.Message);
            return info with { Failure = failure.Failure, Reason = failure.Message, Detail = failure.Cause?.ToString() };
        }
    }

    private void CheckTrust(PluginManifest manifest, string hash)
    {
        if (Options.AllowedHashes.Count > 0 && !Options.AllowedHashes.Contains(hash, StringComparer.OrdinalIgnoreCase))
        {
            throw new PluginLoadException(PluginFailure.HashNotAllowed,
                $"{manifest.Id}: hash {hash} is not in SfaFlow:Plugins:AllowedHashes; only allowed plugins load.");
        }

        if (!manifest.IsCompatibleWith(AbiVersion.Major, AbiVersion.Minor))
        {
            throw new PluginLoadException(PluginFailure.AbiMismatch,
                $"{manifest.Id}: built for SDK ABI {manifest.AbiVersion}; this host provides {AbiVersion.Major}.{AbiVersion.Minor} (same major and a minor no newer are required).");
        }

        if (_loads.Values.FirstOrDefault(l => string.Equals(l.Id, manifest.Id, StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            throw new PluginLoadException(PluginFailure.InvalidContribution, $"{manifest.Id}: the id is already used by the plugin in {other.Folder}.");
        }
    }

    private static PluginLoad Open(PluginManifest manifest, string folder, string hash)
    {
        var entryPath = Path.GetFullPath(Path.Combine(folder, manifest.EntryAssembly));
        if (!File.Exists(entryPath))
        {
            throw new PluginLoadException(PluginFailure.BadManifest,
                $"{Path.Combine(folder, PluginManifest.FileName)}: field 'entryAssembly' names '{manifest.EntryAssembly}', which is not in the plugin folder.");
        }

        // Unloadable, and read into memory so that the files are not locked while the plugin runs (hot reload replaces them).
        var loader = PluginLoader.CreateFromAssemblyFile(entryPath, isUnloadable: true, SharedTypes, config => config.LoadInMemory = true);
        return new PluginLoad(manifest, folder, hash, loader);
    }

    private static ISfaFlowPlugin CreateEntry(PluginLoad load)
    {
        var manifest = load.Manifest;
        var assembly = load.Loader.LoadDefaultAssembly();
        Type? entryType;
        if (manifest.EntryType is { } name)
        {
            entryType = assembly.GetType(name, throwOnError: false);
            if (entryType is null || !typeof(ISfaFlowPlugin).IsAssignableFrom(entryType))
            {
                throw new PluginLoadException(PluginFailure.EntryTypeMissing,
                    $"{manifest.Id}: field 'entryType' names '{name}', which is not an ISfaFlowPlugin class in {manifest.EntryAssembly}.");
            }
        }
        else
        {
            var candidates = ExportedTypes(assembly).Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISfaFlowPlugin).IsAssignableFrom(t)).ToList();
            entryType = candidates.Count switch
            {
                1 => candidates[0],
                0 => throw new PluginLoadException(PluginFailure.EntryTypeMissing, $"{manifest.Id}: {manifest.EntryAssembly} has no public class implementing ISfaFlowPlugin."),
                _ => throw new PluginLoadException(PluginFailure.EntryTypeMissing,
                    $"{manifest.Id}: {manifest.EntryAssembly} has several ISfaFlowPlugin classes ({string.Join(", ", candidates.Select(c => c.FullName))}); name one in 'entryType'."),
            };
        }

        if (entryType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new PluginLoadException(PluginFailure.EntryTypeMissing, $"{manifest.Id}: {entryType.FullName} needs a public parameterless constructor.");
        }

        try
        {
            // Not wrapped in a TargetInvocationException: the reason and the log show the plugin's own exception and stack.
            return (ISfaFlowPlugin)Activator.CreateInstance(entryType, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DoNotWrapExceptions, null, null, null)!;
        }
        catch (Exception exception) when (exception is not (FileNotFoundException or FileLoadException))
        {
            var cause = PluginCode(exception);
            throw new PluginLoadException(PluginFailure.ConstructorFailed,
                $"{manifest.Id}: the constructor of {entryType.FullName} threw {cause.GetType().Name}: {cause.Message}", cause);
        }
    }

    private static Type[] ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            throw exception.LoaderExceptions.FirstOrDefault(e => e is FileNotFoundException or FileLoadException) ?? exception;
        }
    }

    private ServiceProvider BuildServices(PluginLoad load, ISfaFlowPlugin plugin)
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => new PluginCallContext { PluginId = load.Id, Caller = new PluginCaller(PluginCallerKind.Plugin, load.Id) });
        services.AddSingleton(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(clock);
        foreach (var host in _hostServices)
        {
            host.AddTo(services, hostProvider);
        }

        Run(PluginFailure.ConfigureServicesFailed, $"{load.Id}: ConfigureServices threw", () => plugin.ConfigureServices(services));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static void Run(PluginFailure failure, string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is not (FileNotFoundException or FileLoadException or PluginLoadException))
        {
            var cause = PluginCode(exception);
            throw new PluginLoadException(failure, $"{what}: {cause.GetType().Name}: {cause.Message}", cause);
        }
    }

    /// <summary>
    /// The exception the plugin's code threw, not the reflection wrapper around it: <c>new T()</c> in <c>AddActivity&lt;T&gt;</c>
    /// and a throwing static constructor reach the host as "Exception has been thrown by the target of an invocation" or
    /// "The type initializer threw", which say nothing about the plugin.
    /// </summary>
    private static Exception PluginCode(Exception exception)
    {
        while (exception is TargetInvocationException or TypeInitializationException && exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    /// <summary>
    /// Why the load failed, and the exception worth a stack trace: the plugin's own (null when the host's checks refused the
    /// plugin and the message says all).
    /// </summary>
    private static (PluginFailure Failure, string Message, Exception? Cause) Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case FileNotFoundException missing:
                    return (PluginFailure.MissingDependency, $"A dependency is missing: {missing.FileName ?? missing.Message}", missing);
                case FileLoadException bad:
                    return (PluginFailure.MissingDependency, $"A dependency could not be loaded: {bad.FileName ?? bad.Message} ({bad.Message})", bad);
                case BadImageFormatException image:
                    return (PluginFailure.LoadFailed, $"Not a loadable .NET assembly: {image.FileName ?? image.Message}", image);
            }
        }

        if (exception is PluginLoadException plugin)
        {
            return (plugin.Failure, plugin.Message, plugin.InnerException);
        }

        var cause = PluginCode(exception);
        return (PluginFailure.LoadFailed, $"{cause.GetType().Name}: {cause.Message}", cause);
    }

    private void DisposeQuietly(PluginLoad load)
    {
        try
        {
            load.Dispose();
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Disposing the failed plugin {Plugin} threw.", load.Id);
        }
    }
}
