using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Workflows;

/// <summary>JavaScript conditions of the sales rules (stage gates, trigger filters), read as an <c>if</c> would read them.</summary>
public static class ScriptConditions
{
    /// <summary>Whether the condition holds over the values; no condition holds always.</summary>
    /// <exception cref="ScriptEvaluationException">The script failed.</exception>
    public static bool Holds(IServiceProvider services, string? condition, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return string.IsNullOrWhiteSpace(condition) || IsTruthy(services.GetRequiredService<ScriptHost>().Evaluate(condition, values, cancellationToken));
    }

    /// <summary>JavaScript truthiness of a script's result.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        string text => text.Length > 0,
        double number => number != 0 && !double.IsNaN(number),
        int number => number != 0,
        long number => number != 0,
        decimal number => number != 0,
        _ => true,
    };
}
