using SfaFlow.Plugins;
using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Events;
using SfaFlow.Plugins.Operations;
using SfaFlow.Plugins.Scripting;

namespace SfaFlow.Workflows.Plugins;

/// <summary>Collects what a plugin's <c>Register</c> declares; the loader checks and registers it all once it returns.</summary>
internal sealed class PluginBuilder(string pluginId) : IPluginBuilder
{
    public string PluginId { get; } = pluginId;

    public List<WorkflowActivity> Activities { get; } = [];

    public List<ScriptFunctionDefinition> Functions { get; } = [];

    public List<Type> Listeners { get; } = [];

    public List<PluginOperation> Operations { get; } = [];

    public IPluginBuilder AddActivity<TActivity>() where TActivity : WorkflowActivity, new()
    {
        Activities.Add(new TActivity());
        return this;
    }

    public IPluginBuilder AddScriptFunction(ScriptFunctionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Functions.Add(definition);
        return this;
    }

    public IPluginBuilder AddEventListener<TListener>() where TListener : class, IDomainEventListener
    {
        Listeners.Add(typeof(TListener));
        return this;
    }

    public IPluginBuilder AddOperation(PluginOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        Operations.Add(operation);
        return this;
    }
}
