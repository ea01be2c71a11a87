namespace SfaFlow.Workflows.Expressions;

/// <summary>The expression types Elsa writes into <c>expression.type</c>, and which of them SfaFlow runs.</summary>
public static class ExpressionTypes
{
    public const string Literal = "Literal";
    /// <summary>JSON text deserialized into the input's type.</summary>
    public const string ObjectJson = "Object";
    public const string Variable = "Variable";
    public const string Input = "Input";
    public const string JavaScript = "JavaScript";

    /// <summary>Elsa's obsolete alias of <see cref="ObjectJson"/>.</summary>
    public const string Json = "Json";

    public static IReadOnlyList<string> Supported { get; } = [Literal, ObjectJson, Json, Variable, Input, JavaScript];

    /// <summary>Types Elsa knows from optional modules or code, which SfaFlow does not run.</summary>
    public static IReadOnlyList<string> Unsupported { get; } = ["Liquid", "CSharp", "Python", "Delegate"];
}
