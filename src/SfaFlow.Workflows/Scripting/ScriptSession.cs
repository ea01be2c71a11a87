using Jint;
using Jint.Runtime;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// The JavaScript engine of one workflow run. Creating a sandboxed Jint engine costs about as much as three evaluations,
/// so a run creates one lazily and reuses it for all its scripts; scripts are block-wrapped (<see cref="CompiledScript"/>)
/// so their declarations do not collide. An engine that broke a limit is discarded.
/// </summary>
internal sealed partial class ScriptSession(ScriptHost host) : IDisposable
{
    private readonly ScriptOptions _options = host.Options;
    private Engine? _engine;
    private ScriptGlobals? _globals;

    /// <summary>Evaluates a script in the scope of the activity running it.</summary>
    /// <exception cref="ScriptEvaluationException">The script failed or broke a sandbox limit.</exception>
    public object? Evaluate(CompiledScript script, IScriptScope scope)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(scope);
        scope.CancellationToken.ThrowIfCancellationRequested();
        var engine = _engine ??= CreateEngine();
        var globals = _globals!;
        globals.Enter(scope, script);
        try
        {
            var result = engine.Evaluate(script.Prepared).UnwrapIfPromise(_options.Timeout);
            globals.CopyVariablesBack();
            return JsConvert.FromJs(result);
        }
        catch (Exception exception) when (Translate(exception, script) is { } translated)
        {
            if (translated.Failure != ScriptFailure.Error)
            {
                // Do not trust an engine whose limit tripped mid-operation; the next script gets a fresh one.
                DiscardEngine();
            }

            throw translated;
        }
        finally
        {
            globals.Leave();
        }
    }

    public void Dispose() => DiscardEngine();

    private void DiscardEngine()
    {
        _engine?.Dispose();
        _engine = null;
        _globals = null;
    }

    private Engine CreateEngine()
    {
        var options = new Options();
        options.Strict(true)
            .DisableStringCompilation(true)
            .LimitRecursion(_options.MaxRecursionDepth)
            .MaxStatements(_options.MaxStatements)
            .TimeoutInterval(_options.Timeout)
            .LimitMemory(_options.MaxMemoryBytes)
            .MaxArraySize(_options.MaxArraySize);

        // Without the stack guard, recursion through toString coercion or a Proxy trap overflows the native stack and
        // takes the whole process down, LimitRecursion notwithstanding (it only counts script function calls).
        options.Constraints.StackOverflowGuard = true;
        options.Constraints.RegexTimeout = _options.Timeout;
        options.Constraints.PromiseTimeout = _options.Timeout;

        var engine = new Engine(options);
        SandboxGuards.Apply(engine, _options);
        _globals = new ScriptGlobals(engine, host);
        return engine;
    }

    private ScriptEvaluationException? Translate(Exception exception, CompiledScript script) => exception switch
    {
        ScriptEvaluationException evaluation => evaluation,
        JavaScriptException js when js.Error.IsObject() && js.Error.AsObject().Get("name").ToString() == "RangeError"
                                     && js.Message.Contains("call stack", StringComparison.OrdinalIgnoreCase) =>
            new(ScriptFailure.RecursionLimit, "The script exhausted the call stack (runaway recursion).", Locate(js), js),
        JavaScriptException js =>
            new(ScriptFailure.Error, $"Script error: {js.Message}", Locate(js), js),
        StatementsCountOverflowException =>
            new(ScriptFailure.StatementLimit, $"The script executed more than {_options.MaxStatements:N0} statements (an endless loop?).", null, exception),
        TimeoutException =>
            new(ScriptFailure.TimeLimit, $"The script ran longer than its limit of {_options.Timeout.TotalMilliseconds:N0} ms.", null, exception),
        MemoryLimitExceededException =>
            new(ScriptFailure.MemoryLimit, $"The script allocated more than its limit of {_options.MaxMemoryBytes / 1024 / 1024:N0} MB.", null, exception),
        RecursionDepthOverflowException =>
            new(ScriptFailure.RecursionLimit, $"The script nested calls deeper than {_options.MaxRecursionDepth}.", null, exception),
        ExecutionCanceledException or OperationCanceledException =>
            new(ScriptFailure.Cancelled, "The script was cancelled.", null, exception),
        InsufficientExecutionStackException =>
            new(ScriptFailure.RecursionLimit, "The script exhausted the call stack (runaway recursion).", null, exception),
        JintException jint =>
            new(ScriptFailure.Error, $"Script error: {jint.Message}", null, exception),
        _ => null,
    };

    private static ScriptLocation? Locate(JavaScriptException exception)
    {
        var start = exception.Location.Start;
        var line = start.Line - CompiledScript.WrapperLineOffset;
        return line >= 1 ? new ScriptLocation(line, start.Column + 1) : null;
    }
}
