using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Scheduling;
using SfaFlow.Workflows.Runtime.Triggers;

namespace SfaFlow.Workflows.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the durable runtime over the engine: definition management, the runtime, and the scheduler as a hosted
    /// service. The stores come from a data project (<c>AddSfaFlowData</c>). Hosts bind <see cref="RuntimeOptions"/>.
    /// </summary>
    public static IServiceCollection AddSfaFlowRuntime(this IServiceCollection services)
    {
        services.AddSfaFlowWorkflows();
        services.AddOptions<RuntimeOptions>().ValidateOnStart();
        services.AddOptions<WorkflowEngineOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RuntimeOptions>, RuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkflowEngineOptions>, RuntimeOptionsValidator>());
        services.TryAddSingleton<TriggerIndexer>();
        services.TryAddSingleton<WorkflowDefinitionManager>();
        services.TryAddSingleton<WorkflowFolderImporter>();
        services.TryAddSingleton<WorkflowRuntime>();
        services.TryAddSingleton<WorkflowScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<WorkflowScheduler>());
        return services;
    }
}
