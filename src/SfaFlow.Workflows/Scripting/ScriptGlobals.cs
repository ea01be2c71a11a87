using System.Diagnostics;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// Elsa's JavaScript globals (<c>getVariable</c>, <c>get&lt;Var&gt;()</c>, <c>variables.X</c>, ...) plus host functions, defined once
/// per engine. The functions read the scope of whichever activity is evaluating (<see cref="Enter"/>), so one engine
/// serves every activity of a run.
/// </summary>
internal sealed partial class ScriptGlobals
{
    private readonly Engine _engine;
    private readonly ScriptHost _host;
    private IScriptScope? _scope;
    private CompiledScript? _script;
    private long _startedAt;
    private bool _inputGlobalsDefined;
    private Dictionary<string, JsValue>? _variablesSnapshot;

    public ScriptGlobals(Engine engine, ScriptHost host)
    {
        _engine = engine;
        _host = host;
        DefineStandardFunctions();
        DefineHostFunctions();
    }

    private IScriptScope Scope => _scope ?? throw new InvalidOperationException("No script is being evaluated.");

    /// <summary>Points the globals at the activity about to evaluate <paramref name="script"/>.</summary>
    public void Enter(IScriptScope scope, CompiledScript script)
    {
        _scope = scope;
        _script = script;
        _startedAt = Stopwatch.GetTimestamp();
        if (!_inputGlobalsDefined)
        {
            // Inputs do not change during a run: convert them once, frozen so that no script can alter what the next sees.
            foreach (var name in _host.Options.InputGlobals)
            {
                _engine.SetValue(name, JsConvert.ToJs(_engine, scope.GetInput(name), frozen: true));
            }

            _inputGlobalsDefined = true;
        }

        foreach (var accessor in script.AccessorNames)
        {
            DefineAccessor(accessor);
        }

        PrepareVariablesObject(script);
    }

    public void Leave()
    {
        _scope = null;
        _script = null;
        _variablesSnapshot = null;
    }

    /// <summary>Elsa copies <c>variables.X</c> back into the workflow after the script; only names the script mentions.</summary>
    public void CopyVariablesBack()
    {
        if (_variablesSnapshot is null)
        {
            return;
        }

        var container = _engine.GetValue("variables");
        if (!container.IsObject())
        {
            return;
        }

        foreach (var (name, before) in _variablesSnapshot)
        {
            var after = container.AsObject().Get(name);
            if (!ReferenceEquals(after, before) && !after.Equals(before))
            {
                Scope.SetVariable(name, JsConvert.FromJs(after));
            }
        }
    }

    private void PrepareVariablesObject(CompiledScript script)
    {
        if (script.VariablesMembers.Count == 0)
        {
            return;
        }

        var container = new JsObject(_engine);
        _variablesSnapshot = new Dictionary<string, JsValue>(StringComparer.Ordinal);
        foreach (var name in script.VariablesMembers)
        {
            var value = JsConvert.ToJs(_engine, Scope.GetVariable(name));
            container.FastSetProperty(name, new PropertyDescriptor(value, PropertyFlag.ConfigurableEnumerableWritable));
            _variablesSnapshot[name] = value;
        }

        _engine.SetValue("variables", container);
    }

    private void Define(string name, Func<JsValue[], JsValue> body) =>
        _engine.SetValue(name, new ClrFunction(_engine, name, (_, args) => body(args)));

    private JsValue ToJs(object? value) => JsConvert.ToJs(_engine, value);

    private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    private static string? StringArg(JsValue[] args, int index)
    {
        var value = Arg(args, index);
        return value.IsNull() || value.IsUndefined() ? null : TypeConverter.ToString(value);
    }

    private JavaScriptException ReferenceError(string message) =>
        new((Jint.Native.Error.ErrorConstructor)_engine.Global.Get("ReferenceError"), message);

    private JavaScriptException TypeError(string message) => new(_engine.Intrinsics.TypeError, message);

    /// <summary>What is left of the script's time budget, for host calls that the engine's own timeout cannot see.</summary>
    private TimeSpan RemainingScriptTime() => _host.Options.Timeout - Stopwatch.GetElapsedTime(_startedAt);
}
