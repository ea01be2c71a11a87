using System.Text.Json;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Expressions;

/// <summary>
/// Compiles Elsa's wrapped input JSON (<c>{typeName, expression: {type, value}}</c>) into a <see cref="CompiledInput"/>,
/// reporting located diagnostics for anything that would fail at run time: unknown expression types, scripts that do not
/// parse, literals that do not convert, unknown variables.
/// </summary>
internal sealed class ExpressionCompiler(List<DefinitionDiagnostic> diagnostics)
{
    /// <summary>Compiles a wrapped input; null when the JSON leaves the input unset.</summary>
    /// <param name="json">The input's JSON as written.</param>
    /// <param name="valueType">The type the activity reads.</param>
    /// <param name="path">The JSON path of <paramref name="json"/>, for diagnostics.</param>
    /// <param name="variableIds">Ids (and names) of the variables visible at this activity.</param>
    public CompiledInput? CompileWrapped(JsonElement json, Type valueType, string path, IReadOnlySet<string> variableIds)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            // A bare scalar is a Literal.
            return CompileLiteral(json, valueType, path);
        }

        // Elsa treats the input as unset without a typeName, an expression, or an expression type.
        if (!TryGet(json, "typeName", out _) || !TryGet(json, "expression", out var expression) ||
            expression.ValueKind != JsonValueKind.Object || !TryGet(expression, "type", out var typeElement))
        {
            return null;
        }

        var type = typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString()! : typeElement.GetRawText();
        var valuePath = $"{path}.expression.value";
        TryGet(expression, "value", out var value);
        return Compile(type, value, valueType, valuePath, $"{path}.expression.type", variableIds);
    }

    /// <summary>Compiles an expression given its type and value (also used for FlowSwitch case conditions).</summary>
    public CompiledInput? Compile(string type, JsonElement value, Type valueType, string valuePath, string typePath, IReadOnlySet<string> variableIds)
    {
        switch (type)
        {
            case ExpressionTypes.Literal:
                return CompileLiteral(value, valueType, valuePath);
            case ExpressionTypes.ObjectJson or ExpressionTypes.Json:
                return CompileObject(value, valueType, valuePath);
            case ExpressionTypes.Variable:
                return CompileVariable(value, valueType, valuePath, variableIds);
            case ExpressionTypes.Input:
                var name = ReadReference(value, "name");
                if (string.IsNullOrWhiteSpace(name))
                {
                    return Error(valuePath, "An Input expression needs the input's name.");
                }

                return new WorkflowInputInput(valueType, name);
            case ExpressionTypes.JavaScript:
                return CompileScript(value, valueType, valuePath);
            default:
                var reason = ExpressionTypes.Unsupported.Contains(type, StringComparer.OrdinalIgnoreCase)
                    ? $"Expression type '{type}' is not supported by SfaFlow"
                    : $"Unknown expression type '{type}'";
                return Error(typePath, $"{reason}; use one of {string.Join(", ", ExpressionTypes.Supported)}.");
        }
    }

    public CompiledInput? CompileLiteral(JsonElement value, Type valueType, string path)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new ConstantInput(valueType, ValueConverter.Convert(null, valueType));
        }

        try
        {
            return new ConstantInput(valueType, ValueConverter.Convert(value, valueType));
        }
        catch (ValueConversionException exception)
        {
            return Error(path, exception.Message);
        }
    }

    private ConstantInput? CompileObject(JsonElement value, Type valueType, string path)
    {
        try
        {
            var json = value.ValueKind == JsonValueKind.String
                ? JsonDocument.Parse(value.GetString()!).RootElement.Clone()
                : value;
            return new ConstantInput(valueType, ValueConverter.Convert(json, valueType));
        }
        catch (JsonException exception)
        {
            return Error(path, $"The Object expression is not valid JSON: {exception.Message.Split(" Path:")[0]}");
        }
        catch (ValueConversionException exception)
        {
            return Error(path, exception.Message);
        }
    }

    private CompiledInput? CompileVariable(JsonElement value, Type valueType, string path, IReadOnlySet<string> variableIds)
    {
        var id = ReadReference(value, "id") ?? ReadReference(value, "name");
        if (string.IsNullOrWhiteSpace(id))
        {
            return Error(path, "A Variable expression needs the variable's id.");
        }

        if (!variableIds.Contains(id))
        {
            return Error(path, $"Variable '{id}' is not declared by the workflow or an enclosing flowchart.");
        }

        return new VariableInput(valueType, id);
    }

    private CompiledInput? CompileScript(JsonElement value, Type valueType, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Error(path, "A JavaScript expression's value must be the script text.");
        }

        var source = value.GetString()!;
        if (string.IsNullOrWhiteSpace(source))
        {
            return new ConstantInput(valueType, ValueConverter.Convert(null, valueType));
        }

        try
        {
            return new ScriptInput(valueType, ScriptCompiler.Compile(source));
        }
        catch (ScriptSyntaxException exception)
        {
            diagnostics.Add(new DefinitionDiagnostic(path, $"JavaScript does not parse: {exception.Description}")
            {
                Line = exception.Line,
                Column = exception.Column,
                InScript = true,
            });
            return null;
        }
    }

    /// <summary>Reads a key of a reference written as an object or, as Elsa Studio does, as a string holding JSON.</summary>
    internal static string? ReadReference(JsonElement value, string key)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (!text.TrimStart().StartsWith('{'))
            {
                return text;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                return ReadReference(document.RootElement.Clone(), key);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return value.ValueKind == JsonValueKind.Object && TryGet(value, key, out var found) && found.ValueKind == JsonValueKind.String
            ? found.GetString()
            : null;
    }

    internal static bool TryGet(JsonElement element, string key, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    private ConstantInput? Error(string path, string message)
    {
        diagnostics.Add(new DefinitionDiagnostic(path, message));
        return null;
    }
}
