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

    /// <summary>Elsa 3.6's common functions, with the same names and meanings.</summary>
    private void DefineStandardFunctions()
    {
        Define("getVariable", args => ToJs(Scope.GetVariable(StringArg(args, 0) ?? "")));
        Define("setVariable", args =>
        {
            var name = StringArg(args, 0) ?? throw TypeError("setVariable needs a variable name.");
            Scope.SetVariable(name, JsConvert.FromJs(Arg(args, 1)));
            return JsValue.Undefined;
        });
        Define("getInput", args => ToJs(Scope.GetInput(StringArg(args, 0) ?? "")));
        Define("getOutputFrom", args => ToJs(Scope.GetOutputFrom(StringArg(args, 0) ?? "", StringArg(args, 1))));
        Define("getLastResult", _ => ToJs(Scope.LastResult));
        Define("getCorrelationId", _ => ToJs(Scope.CorrelationId));
        Define("setCorrelationId", args =>
        {
            Scope.CorrelationId = StringArg(args, 0);
            return JsValue.Undefined;
        });
        Define("getWorkflowInstanceName", _ => ToJs(Scope.WorkflowInstanceName));
        Define("setWorkflowInstanceName", args =>
        {
            Scope.WorkflowInstanceName = StringArg(args, 0);
            return JsValue.Undefined;
        });
        Define("getWorkflowInstanceId", _ => ToJs(Scope.WorkflowInstanceId));
        Define("getWorkflowDefinitionId", _ => ToJs(Scope.WorkflowDefinitionId));
        Define("getWorkflowDefinitionVersionId", _ => ToJs(Scope.WorkflowDefinitionVersionId));
        Define("getWorkflowDefinitionVersion", _ => ToJs(Scope.WorkflowDefinitionVersion));
        Define("isNullOrWhiteSpace", args => string.IsNullOrWhiteSpace(StringArg(args, 0)));
        Define("isNullOrEmpty", args => string.IsNullOrEmpty(StringArg(args, 0)));
        Define("toJson", args => JsonSerializer.Serialize(JsConvert.FromJs(Arg(args, 0)), ToJsonOptions));
        Define("parseGuid", args => Guid.TryParse(StringArg(args, 0), out var guid)
            ? guid.ToString()
            : throw TypeError($"'{StringArg(args, 0)}' is not a GUID."));
        Define("newGuid", _ => Guid.NewGuid().ToString());
        Define("newGuidString", _ => Guid.NewGuid().ToString());
        Define("getGuidString", _ => Guid.NewGuid().ToString());
        Define("newShortGuid", _ => NewShortGuid());
        Define("getShortGuid", _ => NewShortGuid());

        // Bytes cross as arrays of numbers: typed arrays are removed from the sandbox (see SandboxGuards).
        Define("bytesFromString", args => BytesToJs(Encoding.UTF8.GetBytes(StringArg(args, 0) ?? "")));
        Define("bytesToString", args => Encoding.UTF8.GetString(BytesFromJs(Arg(args, 0))));
        Define("bytesToBase64", args => Convert.ToBase64String(BytesFromJs(Arg(args, 0))));
        Define("bytesFromBase64", args => BytesToJs(FromBase64(StringArg(args, 0))));
        Define("stringToBase64", args => Convert.ToBase64String(Encoding.UTF8.GetBytes(StringArg(args, 0) ?? "")));
        Define("stringFromBase64", args => Encoding.UTF8.GetString(FromBase64(StringArg(args, 0))));
    }

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
