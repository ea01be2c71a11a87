using System.Text.Json;
using SfaFlow.Workflows.Activities.Catalog;
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
    /// <summary>System.Text.Json's default depth limit, which <see cref="ValueConverter"/> converts objects and arrays under.</summary>
    private const int MaxConvertibleDepth = 64;

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
            expression.ValueKind != JsonValueKind.Object || !TryGet(expression, "type", out var typeElement) ||
            typeElement.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var typePath = $"{path}.expression.type";
        if (typeElement.ValueKind != JsonValueKind.String)
        {
            return Error(typePath, $"The expression type must be a name, not {Describe(typeElement)}; {SupportedTypes}");
        }

        TryGet(expression, "value", out var value);
        return Compile(typeElement.GetString()!, value, valueType, $"{path}.expression.value", typePath, variableIds);
    }

    private static string SupportedTypes => $"use one of {string.Join(", ", ExpressionTypes.Supported)}.";

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    /// <summary>Compiles an expression given its type and value (also used for FlowSwitch case conditions).</summary>
    public CompiledInput? Compile(string type, JsonElement value, Type valueType, string valuePath, string typePath, IReadOnlySet<string> variableIds)
    {
        switch (type)
        {
            case ExpressionTypes.Literal:
                return CompileLiteral(value, valueType, valuePath);
            case ExpressionTypes.ObjectJson or ExpressionTypes.Json:
                return CompileObject(value, valueType, valuePath);
            case ExpressionTypes.Variable or ExpressionTypes.Input when ElsaJsonReader.FindInvalidTextInJsonString(value) is { } invalid:
                return Error(valuePath, $"The {type} expression's JSON is not valid at {invalid.Path}: {invalid.Message}");
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
                return Error(typePath, $"{reason}; {SupportedTypes}");
        }
    }

    public CompiledInput? CompileLiteral(JsonElement value, Type valueType, string path)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new ConstantInput(valueType, ValueConverter.Convert(null, valueType));
        }

        return Constant(value, valueType, path);
    }

    private ConstantInput? CompileObject(JsonElement value, Type valueType, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Constant(value, valueType, path);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(value.GetString()!);
        }
        catch (JsonException exception)
        {
            return Error(path, $"The Object expression is not valid JSON: {exception.Message.Split(" Path:")[0]}");
        }

        using (document)
        {
            // The JSON text inside the string gets the same check as the file itself (see ElsaJsonReader.FindInvalidText).
            if (ElsaJsonReader.FindInvalidText(document.RootElement, "$") is { } invalid)
            {
                return Error(path, $"The Object expression's JSON is not valid at {invalid.Path}: {invalid.Message}");
            }

            return Constant(document.RootElement.Clone(), valueType, path);
        }
    }

    /// <summary>A value converted once, at compile time; a located error when it does not convert.</summary>
    private ConstantInput? Constant(JsonElement value, Type valueType, string path)
    {
        // An object target takes any JSON as it is; every other target converts through System.Text.Json.
        if (valueType != typeof(object))
        {
            // System.Text.Json stops at 64 levels with an InvalidOperationException rather than a JsonException; found
            // here, the problem gets a plain message instead of escaping validation.
            if (Depth(value, MaxConvertibleDepth + 1) > MaxConvertibleDepth)
            {
                return Error(path, $"The value nests more than {MaxConvertibleDepth} levels deep, too deep to read as {TypeAliases.AliasOf(valueType)}.");
            }

            value = Compact(value);
            if (valueType != typeof(string) && ElsaJsonReader.FindInvalidTextInJsonString(value) is { } invalid)
            {
                return Error(path, $"The value's JSON is not valid at {invalid.Path}: {invalid.Message}");
            }
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

    /// <summary>
    /// An object or array without the file's indentation: conversion errors quote the value, and should quote it on one
    /// line, the same whether the file came from Elsa Studio (indented) or not.
    /// </summary>
    private static JsonElement Compact(JsonElement value) =>
        value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? JsonSerializer.SerializeToElement(value) : value;

    /// <summary>How deeply objects and arrays nest in a value (a scalar is 0), counting no further than <paramref name="limit"/>.</summary>
    private static int Depth(JsonElement value, int limit) => value.ValueKind switch
    {
        _ when limit <= 0 => 0,
        JsonValueKind.Object => 1 + value.EnumerateObject().Select(p => Depth(p.Value, limit - 1)).DefaultIfEmpty().Max(),
        JsonValueKind.Array => 1 + value.EnumerateArray().Select(item => Depth(item, limit - 1)).DefaultIfEmpty().Max(),
        _ => 0,
    };

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
                return ElsaJsonReader.FindInvalidText(document.RootElement, "$") is null
                    ? ReadReference(document.RootElement.Clone(), key)
                    : null;
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
