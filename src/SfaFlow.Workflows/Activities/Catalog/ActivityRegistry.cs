using System.Collections.Immutable;
using System.Reflection;
using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Catalog;

/// <summary>
/// The one catalog of activity types: built-ins, SFA activities and plugin activities all register here, and the engine,
/// validation and the designer toolbox all read from here. Safe to read while plugins are being added or removed.
/// </summary>
public sealed class ActivityRegistry
{
    private ImmutableDictionary<string, ActivityDescriptor> _types =
        ImmutableDictionary.Create<string, ActivityDescriptor>(StringComparer.Ordinal);

    private long _generation;

    /// <summary>
    /// Changes whenever a type is added or removed. Compiled plans hold descriptors, so the engine recompiles a plan made
    /// under another generation: a reloaded plugin's activities then run in their new version, and an unloaded plugin's
    /// old objects are no longer reachable from the plan.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    public IReadOnlyCollection<ActivityDescriptor> All => [.. _types.Values.OrderBy(d => d.Category).ThenBy(d => d.DisplayName)];

    public ActivityDescriptor? Find(string typeKey) => _types.GetValueOrDefault(typeKey);

    /// <summary>Creates and registers every concrete <see cref="WorkflowActivity"/> in the assembly marked with <see cref="ActivityAttribute"/>.</summary>
    public IReadOnlyList<ActivityDescriptor> RegisterAssembly(Assembly assembly, string source = "SfaFlow")
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsClass: true } &&
                           typeof(WorkflowActivity).IsAssignableFrom(type) &&
                           type.GetCustomAttribute<ActivityAttribute>() is not null &&
                           type.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => Register((WorkflowActivity)Activator.CreateInstance(type)!, source))];
    }

    /// <summary>Registers one activity instance; the instance serves every workflow that uses its type key.</summary>
    /// <exception cref="InvalidOperationException">The type key is taken, or the class is not a valid activity.</exception>
    public ActivityDescriptor Register(WorkflowActivity activity, string source = "SfaFlow") =>
        Register(ActivityDescriber.Describe(activity, source));

    /// <summary>Registers a descriptor built by hand (workflows used as activities describe themselves).</summary>
    public ActivityDescriptor Register(ActivityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var updated = ImmutableInterlocked.TryAdd(ref _types, descriptor.TypeKey, descriptor);
        if (!updated)
        {
            throw new InvalidOperationException(
                $"Activity type '{descriptor.TypeKey}' is already registered by {_types[descriptor.TypeKey].Source}.");
        }

        Interlocked.Increment(ref _generation);
        return descriptor;
    }

    /// <summary>Removes a type (a plugin being unloaded); running workflows that use it report it as unknown.</summary>
    public bool Unregister(string typeKey)
    {
        var removed = ImmutableInterlocked.TryRemove(ref _types, typeKey, out _);
        if (removed)
        {
            Interlocked.Increment(ref _generation);
        }

        return removed;
    }
}
