using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// Elsa's workflow activation strategies (<c>options.activationStrategyType</c>): whether a trigger may start a new instance
/// while others run. "Running" is Elsa's status: executing or suspended (waiting on a bookmark); a faulted or finished
/// instance does not count. Elsa names the strategy by its .NET type, so only the class name is read: any namespace or
/// assembly that a version of Elsa wrote works.
/// </summary>
internal enum ActivationStrategy
{
    /// <summary>No strategy or <c>AllowAlwaysStrategy</c>: every trigger starts an instance.</summary>
    Always,

    /// <summary>At most one running instance of the definition.</summary>
    Singleton,

    /// <summary>At most one running instance of any definition with the (non-blank) correlation id.</summary>
    Correlation,

    /// <summary>At most one running instance of the definition with the (non-blank) correlation id.</summary>
    CorrelatedSingleton,
}

internal static class ActivationStrategies
{
    public const string OptionName = "activationStrategyType";

    public static ActivationStrategy Of(WorkflowDefinition definition)
    {
        var type = definition.Options.GetString(OptionName);
        var name = type?.Split(',')[0].Trim().Split('.')[^1];
        return name switch
        {
            "SingletonStrategy" => ActivationStrategy.Singleton,
            "CorrelationStrategy" => ActivationStrategy.Correlation,
            "CorrelatedSingletonStrategy" => ActivationStrategy.CorrelatedSingleton,
            _ => ActivationStrategy.Always,
        };
    }

    /// <summary>
    /// The key under which starts that the strategy compares are serialized in this process (null: nothing to compare),
    /// so two starts here cannot both see "none running". Across processes two starts at the very same moment can still
    /// both pass; a scheduled occurrence is claimed by one runtime, so its fan-out never races itself.
    /// </summary>
    public static string? LockKey(ActivationStrategy strategy, string definitionId, string? correlationId) => strategy switch
    {
        ActivationStrategy.Singleton => $"activation:{definitionId}",
        ActivationStrategy.Correlation when !string.IsNullOrWhiteSpace(correlationId) => $"activation:*:{correlationId}",
        ActivationStrategy.CorrelatedSingleton when !string.IsNullOrWhiteSpace(correlationId) => $"activation:{definitionId}:{correlationId}",
        _ => null,
    };

    /// <summary>Whether the strategy lets a new instance of the definition start with the correlation id.</summary>
    public static async Task<bool> AllowsAsync(IWorkflowInstanceStore instances, ActivationStrategy strategy, string definitionId, string? correlationId,
        CancellationToken cancellationToken)
    {
        var query = strategy switch
        {
            ActivationStrategy.Singleton => new InstanceQuery(PageSize: 1, Status: WorkflowStatus.Running, DefinitionId: definitionId),
            // Elsa lets a blank correlation id through: there is nothing to be single per.
            ActivationStrategy.Correlation when !string.IsNullOrWhiteSpace(correlationId) =>
                new InstanceQuery(PageSize: 1, Status: WorkflowStatus.Running, CorrelationId: correlationId),
            ActivationStrategy.CorrelatedSingleton when !string.IsNullOrWhiteSpace(correlationId) =>
                new InstanceQuery(PageSize: 1, Status: WorkflowStatus.Running, DefinitionId: definitionId, CorrelationId: correlationId),
            _ => null,
        };
        return query is null || (await instances.ListAsync(query, cancellationToken)).Items.Count == 0;
    }
}
