using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Events;
using SfaFlow.Plugins.Operations;
using SfaFlow.Plugins.Scripting;

namespace SfaFlow.Plugins.Samples.Tests.Fakes;

/// <summary>Records what a plugin's Register contributes.</summary>
public sealed class RecordingPluginBuilder(string pluginId) : IPluginBuilder
{
    public string PluginId { get; } = pluginId;

    public List<Type> Activities { get; } = [];

    public List<ScriptFunctionDefinition> Functions { get; } = [];

    public List<Type> Listeners { get; } = [];

    public List<PluginOperation> Operations { get; } = [];

    public IReadOnlyList<string> ActivityKeys => Activities
        .Select(t => ((ActivityAttribute)Attribute.GetCustomAttribute(t, typeof(ActivityAttribute))!).TypeKey).ToList();

    public IPluginBuilder AddActivity<TActivity>() where TActivity : WorkflowActivity, new()
    {
        Activities.Add(typeof(TActivity));
        return this;
    }

    public IPluginBuilder AddScriptFunction(ScriptFunctionDefinition definition)
    {
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
        Operations.Add(operation);
        return this;
    }
}
