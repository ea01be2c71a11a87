using SfaFlow.Plugins.Scripting;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// Wraps a plugin's <see cref="ScriptFunctionDefinition"/> as a host <see cref="ScriptFunction"/>: checks the arguments
/// against the declared parameters (a <c>TypeError</c> naming the parameter otherwise), hands the plugin plain .NET
/// values, runs it in a scope of the plugin's services acting for the calling workflow, and converts the result with
/// the plugin's own serializer options. The deadline is the host's (<see cref="ScriptGlobals"/> enforces it per call).
/// </summary>
internal static class PluginScriptFunction
{
    public static ScriptFunction Create(PluginLoad load, ScriptFunctionDefinition definition)
    {
        // Capture only what the call needs: the registry entry must not keep the load alive once unregistered.
        var weakLoad = new WeakReference<PluginLoad>(load);
        var name = definition.Name;
        var parameters = definition.Parameters.ToArray();
        var invoke = definition.Invoke;
        var pluginId = load.Id;
        return new ScriptFunction(name, (arguments, cancellationToken) =>
        {
            var checkedArguments = Check(name, parameters, arguments);
            if (!weakLoad.TryGetTarget(out var current) || current.Services is null)
            {
                throw new InvalidOperationException($"{name} is no longer available (plugin {pluginId} was unloaded).");
            }

            var instanceId = HostCallContext.WorkflowInstanceId;
            var caller = string.IsNullOrEmpty(instanceId)
                ? new PluginCaller(PluginCallerKind.Plugin, pluginId)
                : new PluginCaller(PluginCallerKind.Workflow, instanceId);
            using var scope = current.OpenScope(caller);
            var result = invoke(new ScriptFunctionCall(checkedArguments, scope.ServiceProvider, cancellationToken));
            return PlainValues.FromPlugin(result, current.Json);
        })
        {
            Description = definition.Description,
            Timeout = definition.Timeout,
            Source = pluginId,
        };
    }

    internal static IReadOnlyList<object?> Check(string function, IReadOnlyList<ScriptParameter> parameters, IReadOnlyList<object?> arguments)
    {
        var result = new object?[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var value = i < arguments.Count ? PlainValues.FromScript(arguments[i]) : null;
            if (value is null)
            {
                if (!parameter.IsOptional)
                {
                    throw new ScriptArgumentException($"{function}: parameter '{parameter.Name}' ({Describe(parameter.Type)}) is required.");
                }

                continue;
            }

            var fits = parameter.Type switch
            {
                ScriptValueType.Text => value is string,
                ScriptValueType.Number => value is double,
                ScriptValueType.Boolean => value is bool,
                ScriptValueType.Record => value is IReadOnlyDictionary<string, object?>,
                ScriptValueType.List => value is IReadOnlyList<object?>,
                _ => true,
            };
            if (!fits)
            {
                throw new ScriptArgumentException(
                    $"{function}: parameter '{parameter.Name}' must be {Describe(parameter.Type)}, not {DescribeValue(value)}.");
            }

            result[i] = value;
        }

        return result;
    }

    private static string Describe(ScriptValueType type) => type switch
    {
        ScriptValueType.Text => "a string",
        ScriptValueType.Number => "a number",
        ScriptValueType.Boolean => "a boolean",
        ScriptValueType.Record => "an object",
        ScriptValueType.List => "an array",
        _ => "a value",
    };

    private static string DescribeValue(object value) => value switch
    {
        string => "a string",
        double => "a number",
        bool => "a boolean",
        IReadOnlyDictionary<string, object?> => "an object",
        IReadOnlyList<object?> => "an array",
        _ => value.GetType().Name,
    };
}
