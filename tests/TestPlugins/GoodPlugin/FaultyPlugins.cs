using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins;
using SfaFlow.Plugins.Activities;

namespace SfaFlow.TestPlugins.Good;

/// <summary>Selected with <c>entryType</c>: its ConfigureServices throws.</summary>
public sealed class ThrowingConfigurePlugin : ISfaFlowPlugin
{
    public void ConfigureServices(IServiceCollection services) => throw new InvalidOperationException("No licence key configured.");

    public void Register(IPluginBuilder plugin) => plugin?.AddActivity<Score>();
}

/// <summary>Adds an activity and a function, then throws: neither may stay registered.</summary>
public sealed class ThrowingRegisterPlugin : ISfaFlowPlugin
{
    public void ConfigureServices(IServiceCollection services)
    {
    }

    public void Register(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.AddActivity<Score>();
        throw new InvalidOperationException("Register blew up half-way.");
    }
}

/// <summary>Registers an activity whose type key does not start with the plugin id.</summary>
public sealed class UnprefixedPlugin : ISfaFlowPlugin
{
    public void ConfigureServices(IServiceCollection services)
    {
    }

    public void Register(IPluginBuilder plugin) => plugin?.AddActivity<Score>().AddActivity<Intruder>();
}

/// <summary>Registers the same activity type twice: the second key is taken, the first must be rolled back.</summary>
public sealed class DuplicatePlugin : ISfaFlowPlugin
{
    public void ConfigureServices(IServiceCollection services)
    {
    }

    public void Register(IPluginBuilder plugin) => plugin?.AddActivity<Score>().AddActivity<Score>();
}

[Activity("Elsa.WriteLine", Description = "Tries to take a built-in's key.")]
public sealed class Intruder : WorkflowActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
}

/// <summary>Its constructor throws, as a plugin that checks its licence on creation would.</summary>
public sealed class ThrowingConstructorPlugin : ISfaFlowPlugin
{
    public ThrowingConstructorPlugin() => LicenceCheck.Verify();

    public void ConfigureServices(IServiceCollection services)
    {
    }

    public void Register(IPluginBuilder plugin) => plugin?.AddActivity<Score>();
}

/// <summary>Registers an activity whose constructor throws (<c>AddActivity&lt;T&gt;</c> creates it by reflection).</summary>
public sealed class ThrowingActivityPlugin : ISfaFlowPlugin
{
    public void ConfigureServices(IServiceCollection services)
    {
    }

    public void Register(IPluginBuilder plugin) => plugin?.AddActivity<Exploding>();
}

[Activity("Good.Exploding", Description = "Cannot even be created.")]
public sealed class Exploding : WorkflowActivity
{
    public Exploding() => throw new NotSupportedException("Exploding needs a GPU.");

    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
}

internal static class LicenceCheck
{
    /// <summary>A named frame of the plugin's own, which the reported stack trace must show.</summary>
    public static void Verify() => throw new InvalidOperationException("The licence server is unreachable.");

    public static string ScoringEndpoint() => throw new InvalidOperationException("No scoring endpoint is configured.");
}

/// <summary>Registers an activity whose static initializer throws (reached through its constructor).</summary>
public sealed class ThrowingStaticActivityPlugin : ISfaFlowPlugin
{
    public void ConfigureServices(IServiceCollection services)
    {
    }

    public void Register(IPluginBuilder plugin) => plugin?.AddActivity<Unconfigured>();
}

[Activity("Good.Unconfigured", Description = "Reads its endpoint once, when the type is first used.")]
public sealed class Unconfigured : WorkflowActivity
{
    private static readonly string Endpoint = LicenceCheck.ScoringEndpoint();

    private readonly string _endpoint;

    public Unconfigured() => _endpoint = Endpoint;

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Complete(_endpoint);
        return ValueTask.CompletedTask;
    }
}
