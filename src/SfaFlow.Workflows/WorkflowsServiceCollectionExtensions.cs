using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the workflow engine: the activity registry with Elsa's built-in activities, the JavaScript sandbox and the
    /// engine itself. Hosts bind <see cref="ScriptOptions"/> and <see cref="WorkflowEngineOptions"/> from configuration.
    /// </summary>
    public static IServiceCollection AddSfaFlowWorkflows(this IServiceCollection services)
    {
        // Activities.
        services.TryAddSingleton(_ =>
        {
            var registry = new ActivityRegistry();
            registry.RegisterAssembly(typeof(WorkflowEngine).Assembly);
            return registry;
        });

        // Scripts.
        services.AddOptions<ScriptOptions>();
        services.TryAddSingleton<ScriptFunctionRegistry>();
        services.TryAddSingleton<ScriptHost>();

        // Engine.
        services.AddOptions<WorkflowEngineOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITextSink, ConsoleTextSink>();
        services.TryAddSingleton<WorkflowEngine>();
        return services;
    }
}
