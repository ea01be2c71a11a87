using System.Text.RegularExpressions;
using SfaFlow.Workflows.Activities.Catalog;

namespace SfaFlow.Workflows.Plugins;

public sealed partial class PluginManager
{
    /// <summary>
    /// Registers what <c>Register</c> declared. Each registration is recorded on the load as it is made, so that a failure
    /// half-way (a taken key, say) is undone by <see cref="Unregister"/>.
    /// </summary>
    private void Contribute(PluginLoad load, PluginBuilder builder)
    {
        var prefix = load.Id + ".";
        foreach (var activity in builder.Activities)
        {
            ActivityDescriptor described;
            try
            {
                described = ActivityDescriber.Describe(activity, load.Id);
            }
            catch (InvalidOperationException exception)
            {
                throw new PluginLoadException(PluginFailure.InvalidContribution, $"{load.Id}: {exception.Message}", exception);
            }

            if (!described.TypeKey.StartsWith(prefix, StringComparison.Ordinal) || described.TypeKey.Length == prefix.Length)
            {
                throw new PluginLoadException(PluginFailure.InvalidContribution,
                    $"{load.Id}: activity type key '{described.TypeKey}' ({activity.GetType().FullName}) must start with '{prefix}'.");
            }

            var host = new PluginActivity(load, activity, Options.ActivityTimeout);
            load.ActivityHosts.Add(host);
            Guarded(load, () => activities.Register(described with { Activity = host }));
            load.ActivityKeys.Add(described.TypeKey);
        }

        foreach (var definition in builder.Functions)
        {
            Guarded(load, () => functions.Register(PluginScriptFunction.Create(load, definition)));
            load.FunctionNames.Add(definition.Name);
        }

        load.Listeners.AddRange(builder.Listeners);
        foreach (var operation in builder.Operations)
        {
            if (!OperationName().IsMatch(operation.Name))
            {
                throw new PluginLoadException(PluginFailure.InvalidContribution,
                    $"{load.Id}: operation name '{operation.Name}' must be letters, digits and dashes.");
            }

            if (!load.Operations.TryAdd(operation.Name, operation))
            {
                throw new PluginLoadException(PluginFailure.InvalidContribution, $"{load.Id}: operation '{operation.Name}' is declared twice.");
            }
        }
    }

    private static void Guarded(PluginLoad load, Action register)
    {
        try
        {
            register();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            throw new PluginLoadException(PluginFailure.InvalidContribution, $"{load.Id}: {exception.Message}", exception);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex OperationName();
}
