using System.Reflection;

namespace SfaFlow.Workflows.Activities.Catalog;

/// <summary>
/// The assemblies whose activities the registry holds besides Elsa's built-ins (the SFA activities of SfaFlow.Sales, for
/// example), added with <see cref="WorkflowsServiceCollectionExtensions.AddActivities"/>.
/// </summary>
public sealed class ActivityCatalogOptions
{
    public List<(Assembly Assembly, string Source)> Assemblies { get; } = [];
}
