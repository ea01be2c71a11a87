using Jint.Native;

namespace SfaFlow.Workflows.Scripting;

internal sealed partial class ScriptGlobals
{
    /// <summary>
    /// Runs a host function under its own deadline. Jint's timeout only counts time inside the script (Jint issue 697),
    /// so a host call that blocks would otherwise hold the workflow forever. The call runs on the thread pool; when the
    /// deadline passes, the script fails and the call is asked to cancel.
    /// </summary>
    private JsValue CallHostFunction(string name, JsValue[] args)
    {
        // Resolved at each call: a plugin can be unloaded while a pooled engine still has the function defined.
        var function = _host.Functions.Find(name) ?? throw ReferenceError($"{name} is no longer available (its plugin was unloaded).");
        var arguments = args.Select(JsConvert.FromJs).ToArray();
        var limit = function.Timeout ?? _host.Options.HostCallTimeout;
        var remaining = RemainingScriptTime();
        if (remaining < limit)
        {
            limit = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Scope.CancellationToken);
        Task<object?> call;
        using (HostCallContext.Enter(Scope.WorkflowInstanceId))
        {
            call = Task.Run(() => function.Invoke(arguments, cancellation.Token), cancellation.Token);
        }

        bool finished;
        try
        {
            finished = call.Wait(limit, Scope.CancellationToken);
        }
        catch (AggregateException failure)
        {
            var cause = failure.InnerException ?? failure;
            if (cause is ScriptArgumentException)
            {
                throw new Jint.Runtime.JavaScriptException(_engine.Intrinsics.TypeError, cause.Message);
            }

            throw new Jint.Runtime.JavaScriptException(_engine.Intrinsics.Error, $"{function.Name} failed: {cause.Message}");
        }

        if (!finished)
        {
            cancellation.Cancel();
            throw new ScriptEvaluationException(ScriptFailure.HostCallTimeout,
                $"The host function '{function.Name}' did not return within {limit.TotalMilliseconds:N0} ms.");
        }

        return ToJs(call.Result);
    }
}
