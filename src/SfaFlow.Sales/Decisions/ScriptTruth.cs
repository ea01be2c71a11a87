namespace SfaFlow.Sales.Decisions;

/// <summary>JavaScript truthiness of a script's result, as an <c>if</c> would read it: rules and gates hold when truthy.</summary>
internal static class ScriptTruth
{
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
