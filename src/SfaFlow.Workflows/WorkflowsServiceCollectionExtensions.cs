using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        services.AddOptions<ActivityCatalogOptions>();
        services.TryAddSingleton(provider =>
        {
            var registry = new ActivityRegistry();
            registry.RegisterAssembly(typeof(WorkflowEngine).Assembly);
            foreach (var (assembly, source) in provider.GetRequiredService<IOptions<ActivityCatalogOptions>>().Value.Assemblies)
            {
                registry.RegisterAssembly(assembly, source);
            }

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

    /// <summary>Adds the activities of an assembly (every <c>[Activity]</c> class in it) to the registry, named by <paramref name="source"/>.</summary>
    public static IServiceCollection AddActivities(this IServiceCollection services, Assembly assembly, string source)
    {
        services.Configure<ActivityCatalogOptions>(options =>
        {
            if (!options.Assemblies.Any(a => a.Assembly == assembly))
            {
                options.Assemblies.Add((assembly, source));
            }
        });
        return services;
    }
}
