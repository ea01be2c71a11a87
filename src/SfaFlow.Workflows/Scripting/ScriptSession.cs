using Jint;
using Jint.Runtime;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// The scripts of one workflow run. The first script rents a locked-down engine from the pool; the run gives it back
/// when it ends. An engine whose limit tripped is dropped and the next script rents another.
/// </summary>
internal sealed partial class ScriptSession(ScriptHost host) : IDisposable
{
    private readonly ScriptOptions _options = host.Options;
    private PooledEngine? _engine;

    /// <summary>Evaluates a script in the scope of the activity running it.</summary>
    /// <exception cref="ScriptEvaluationException">The script failed or broke a sandbox limit.</exception>
    public object? Evaluate(CompiledScript script, IScriptScope scope)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(scope);
        scope.CancellationToken.ThrowIfCancellationRequested();
        var (engine, globals) = _engine ??= host.Pool.Rent();
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
                // Do not trust an engine whose limit tripped mid-operation: drop it instead of returning it to the pool.
                _engine = null;
                engine.Dispose();
            }

            throw translated;
        }
        finally
        {
            globals.Leave();
        }
    }

    public void Dispose()
    {
        if (_engine is { } engine)
        {
            _engine = null;
            host.Pool.Return(engine);
        }
    }

    private ScriptEvaluationException? Translate(Exception exception, CompiledScript script) => exception switch
    {
        ScriptEvaluationException evaluation => evaluation,
        JavaScriptException js when js.Error.IsObject() && js.Error.AsObject().Get("name").ToString() == "RangeError"
                                     && js.Message.Contains("call stack", StringComparison.OrdinalIgnoreCase) =>
            new(ScriptFailure.RecursionLimit, "The script exhausted the call stack (runaway recursion).", Locate(js, script), js),
        JavaScriptException js =>
            new(ScriptFailure.Error, $"Script error: {js.Message}", Locate(js, script), js),
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

    private static Instances.ScriptLocation? Locate(JavaScriptException exception, CompiledScript script) =>
        script.ToUserLocation(exception.Location.Start.Line, exception.Location.Start.Column);
}
