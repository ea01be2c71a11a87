using System.Diagnostics;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// Elsa's JavaScript globals (<c>getVariable</c>, <c>get&lt;Var&gt;()</c>, <c>variables.X</c>, ...), host functions and input
/// globals, bound to one pooled engine. The functions read the scope of whichever activity is evaluating
/// (<see cref="Enter"/>), so one engine serves every activity of every run that borrows it.
/// </summary>
internal sealed partial class ScriptGlobals
{
    private readonly Engine _engine;
    private readonly ScriptHost _host;
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsValue> _inputGlobals = new(StringComparer.Ordinal);
    private IScriptScope? _scope;
    private long _startedAt;
    private JsValue _variables = JsValue.Undefined;
    private Dictionary<string, JsValue>? _variablesSnapshot;

    /// <summary>Defines the fixed globals; called once per engine, before the engine is locked down.</summary>
    public ScriptGlobals(Engine engine, ScriptHost host)
    {
        _engine = engine;
        _host = host;
        foreach (var (name, function) in StandardFunctions)
        {
            Define(name, args => function(this, args));
        }

        // Per-run values are getters, so the frozen global object never changes.
        foreach (var name in host.Options.InputGlobals)
        {
            DefineGetter(name, () => InputGlobal(name));
        }

        DefineGetter("variables", () => _variables);
    }

    private IScriptScope Scope => _scope ?? throw new InvalidOperationException("No script is being evaluated.");

    /// <summary>Points the globals at the activity about to evaluate <paramref name="script"/>.</summary>
    public void Enter(IScriptScope scope, CompiledScript script)
    {
        _scope = scope;
        _startedAt = Stopwatch.GetTimestamp();
        foreach (var identifier in script.Identifiers)
        {
            DefineOnFirstUse(identifier);
        }

        PrepareVariablesObject(script);
    }

    public void Leave()
    {
        _scope = null;
        _variables = JsValue.Undefined;
        _variablesSnapshot = null;
    }

    /// <summary>Forgets the run's values before the engine goes back to the pool.</summary>
    public void EndRun() => _inputGlobals.Clear();

    /// <summary>Elsa copies <c>variables.X</c> back into the workflow after the script; only names the script mentions.</summary>
    public void CopyVariablesBack()
    {
        if (_variablesSnapshot is null || !_variables.IsObject())
        {
            return;
        }

        foreach (var (name, before) in _variablesSnapshot)
        {
            var after = _variables.AsObject().Get(name);
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

        _variables = container;
    }

    /// <summary>An input exposed as a global: converted once per run, frozen so that no script can alter what the next sees.</summary>
    private JsValue InputGlobal(string name)
    {
        if (!_inputGlobals.TryGetValue(name, out var value))
        {
            value = JsConvert.ToJs(_engine, Scope.GetInput(name), frozen: true);
            _inputGlobals[name] = value;
        }

        return value;
    }

    /// <summary>
    /// Generated accessors and host functions are defined when a script first names them: the names are open-ended
    /// (any variable, any plugin function). The definition resolves its target at each call.
    /// </summary>
    private void DefineOnFirstUse(string name)
    {
        if (StandardFunctions.ContainsKey(name) || !_defined.Add(name) || _engine.Global.HasOwnProperty(name))
        {
            return;
        }

        if (_host.Functions.Find(name) is not null)
        {
            Define(name, args => CallHostFunction(name, args));
        }
        else if (IsAccessorName(name))
        {
            DefineAccessor(name);
        }
    }

    private void Define(string name, Func<JsValue[], JsValue> body)
    {
        var function = new ClrFunction(_engine, name, (_, args) => body(args));
        Lockdown.Freeze(_engine, function);
        Lockdown.DefineGlobal(_engine, name, function);
    }

    private void DefineGetter(string name, Func<JsValue> getter)
    {
        var function = new ClrFunction(_engine, "get " + name, (_, _) => getter());
        _engine.Global.FastSetProperty(name, new GetSetPropertyDescriptor(function, null, enumerable: false, configurable: false));
    }

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
