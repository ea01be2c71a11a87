using System.Text;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Runtime;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Workflows.Scripting;

internal sealed partial class ScriptGlobals
{
    private static readonly JsonSerializerOptions ToJsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Elsa 3.6's common functions, with the same names and meanings. A run defines on its engine only those its scripts
    /// name (<see cref="CompiledScript.Identifiers"/>): defining all of them up front would double the cost of each engine.
    /// </summary>
    private static readonly Dictionary<string, Func<ScriptGlobals, JsValue[], JsValue>> StandardFunctions = new(StringComparer.Ordinal)
    {
        ["getVariable"] = static (g, args) => g.ToJs(g.Scope.GetVariable(StringArg(args, 0) ?? "")),
        ["setVariable"] = static (g, args) =>
        {
            var name = StringArg(args, 0) ?? throw g.TypeError("setVariable needs a variable name.");
            g.Scope.SetVariable(name, JsConvert.FromJs(Arg(args, 1)));
            return JsValue.Undefined;
        },
        ["getInput"] = static (g, args) => g.ToJs(g.Scope.GetInput(StringArg(args, 0) ?? "")),
        ["getOutputFrom"] = static (g, args) => g.ToJs(g.Scope.GetOutputFrom(StringArg(args, 0) ?? "", StringArg(args, 1))),
        ["getLastResult"] = static (g, _) => g.ToJs(g.Scope.LastResult),
        ["getCorrelationId"] = static (g, _) => g.ToJs(g.Scope.CorrelationId),
        ["setCorrelationId"] = static (g, args) =>
        {
            g.Scope.CorrelationId = StringArg(args, 0);
            return JsValue.Undefined;
        },
        ["getWorkflowInstanceName"] = static (g, _) => g.ToJs(g.Scope.WorkflowInstanceName),
        ["setWorkflowInstanceName"] = static (g, args) =>
        {
            g.Scope.WorkflowInstanceName = StringArg(args, 0);
            return JsValue.Undefined;
        },
        ["getWorkflowInstanceId"] = static (g, _) => g.Scope.WorkflowInstanceId,
        ["getWorkflowDefinitionId"] = static (g, _) => g.Scope.WorkflowDefinitionId,
        ["getWorkflowDefinitionVersionId"] = static (g, _) => g.Scope.WorkflowDefinitionVersionId,
        ["getWorkflowDefinitionVersion"] = static (g, _) => g.Scope.WorkflowDefinitionVersion,
        ["isNullOrWhiteSpace"] = static (_, args) => string.IsNullOrWhiteSpace(StringArg(args, 0)),
        ["isNullOrEmpty"] = static (_, args) => string.IsNullOrEmpty(StringArg(args, 0)),
        ["toJson"] = static (_, args) => JsonSerializer.Serialize(JsConvert.FromJs(Arg(args, 0)), ToJsonOptions),
        ["parseGuid"] = static (g, args) => Guid.TryParse(StringArg(args, 0), out var guid)
            ? guid.ToString()
            : throw g.TypeError($"'{StringArg(args, 0)}' is not a GUID."),
        ["newGuid"] = static (_, _) => Guid.NewGuid().ToString(),
        ["newGuidString"] = static (_, _) => Guid.NewGuid().ToString(),
        ["getGuidString"] = static (_, _) => Guid.NewGuid().ToString(),
        ["newShortGuid"] = static (_, _) => NewShortGuid(),
        ["getShortGuid"] = static (_, _) => NewShortGuid(),

        // Bytes cross as arrays of numbers: typed arrays are removed from the sandbox (see SandboxGuards).
        ["bytesFromString"] = static (g, args) => g.BytesToJs(Encoding.UTF8.GetBytes(StringArg(args, 0) ?? "")),
        ["bytesToString"] = static (g, args) => Encoding.UTF8.GetString(g.BytesFromJs(Arg(args, 0))),
        ["bytesToBase64"] = static (g, args) => Convert.ToBase64String(g.BytesFromJs(Arg(args, 0))),
        ["bytesFromBase64"] = static (g, args) => g.BytesToJs(g.FromBase64(StringArg(args, 0))),
        ["stringToBase64"] = static (_, args) => Convert.ToBase64String(Encoding.UTF8.GetBytes(StringArg(args, 0) ?? "")),
        ["stringFromBase64"] = static (g, args) => Encoding.UTF8.GetString(g.FromBase64(StringArg(args, 0))),
    };

    /// <summary>The names scripts can call, for editors and completion lists.</summary>
    public static IReadOnlyCollection<string> StandardFunctionNames => StandardFunctions.Keys;

    private static string NewShortGuid() =>
        Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace("/", "", StringComparison.Ordinal)
            .Replace("+", "", StringComparison.Ordinal).Replace("=", "", StringComparison.Ordinal);

    private byte[] FromBase64(string? text)
    {
        try
        {
            return Convert.FromBase64String(text ?? "");
        }
        catch (FormatException)
        {
            throw TypeError("The text is not valid base64.");
        }
    }

    private JsArray BytesToJs(byte[] bytes) => new JsArray(_engine, [.. bytes.Select(b => (JsValue)new JsNumber(b))]);

    private byte[] BytesFromJs(JsValue value)
    {
        if (!value.IsArray())
        {
            throw TypeError("Expected an array of bytes.");
        }

        var array = value.AsArray();
        var bytes = new byte[array.Length];
        for (uint i = 0; i < array.Length; i++)
        {
            var number = TypeConverter.ToNumber(array.Get(i));
            bytes[i] = number is >= 0 and <= 255 && number == Math.Floor(number)
                ? (byte)number
                : throw TypeError($"{ValueConverter.ToText(number)} at index {i} is not a byte.");
        }

        return bytes;
    }
}
