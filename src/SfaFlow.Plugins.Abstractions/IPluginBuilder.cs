using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Events;
using SfaFlow.Plugins.Operations;
using SfaFlow.Plugins.Scripting;

namespace SfaFlow.Plugins;

/// <summary>
/// Collects a plugin's contributions while <see cref="ISfaFlowPlugin.Register"/> runs. Nothing is visible to workflows until
/// the whole registration succeeds: a plugin that throws half-way contributes nothing.
/// </summary>
public interface IPluginBuilder
{
    /// <summary>The plugin's id from its manifest, for example <c>PredictiveScoring</c>.</summary>
    string PluginId { get; }

    /// <summary>
    /// Adds an activity. Its <see cref="ActivityAttribute.TypeKey"/> must start with the plugin id and a dot
    /// (<c>PredictiveScoring.ScoreOpportunity</c>), so that keys of different plugins never clash.
    /// </summary>
    /// <typeparam name="TActivity">The activity class, marked with <see cref="ActivityAttribute"/>.</typeparam>
    /// <returns>This builder.</returns>
    IPluginBuilder AddActivity<TActivity>() where TActivity : WorkflowActivity, new();

    /// <summary>Adds a function that JavaScript in workflows can call by its name.</summary>
    /// <param name="definition">The function's name, parameters and implementation.</param>
    /// <returns>This builder.</returns>
    IPluginBuilder AddScriptFunction(ScriptFunctionDefinition definition);

    /// <summary>
    /// Adds a listener to domain events (<c>LeadCreated</c>, <c>OpportunityWon</c>, ...). It is resolved from the plugin's
    /// services for each event and called after the change is committed, once per event unless it fails; a failure is
    /// logged and retried like any outbox delivery, and never blocks workflows or other listeners.
    /// </summary>
    /// <typeparam name="TListener">The listener class.</typeparam>
    /// <returns>This builder.</returns>
    IPluginBuilder AddEventListener<TListener>() where TListener : class, IDomainEventListener;

    /// <summary>
    /// Adds an operation the host serves over HTTP at <c>POST /api/plugins/{pluginId}/operations/{name}</c>, for UIs and
    /// integrations (for example an evaluation the UI shows).
    /// </summary>
    /// <param name="operation">The operation's name, description and implementation.</param>
    /// <returns>This builder.</returns>
    IPluginBuilder AddOperation(PluginOperation operation);
}
