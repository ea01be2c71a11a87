using Jint;
using Microsoft.Extensions.Options;

namespace SfaFlow.Workflows.Scripting;

/// <summary>The scripting service: sandbox options, host functions, and the pool of engines runs borrow.</summary>
public sealed class ScriptHost
{
    public ScriptHost(IOptions<ScriptOptions> options, ScriptFunctionRegistry functions)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        Functions = functions;
        EngineOptions = CreateEngineOptions(Options);
        Pool = new ScriptEnginePool(this);
    }

    public ScriptOptions Options { get; }

    public ScriptFunctionRegistry Functions { get; }

    /// <summary>
    /// Jint options shared by every engine: Jint registers each limit as a factory, so each engine gets its own counters.
    /// </summary>
    internal Jint.Options EngineOptions { get; }

    internal ScriptEnginePool Pool { get; }

    internal ScriptSession CreateSession() => new(this);

    private static Jint.Options CreateEngineOptions(ScriptOptions limits)
    {
        var options = new Jint.Options();
        options.Strict(true)
            .DisableStringCompilation(true)
            .LimitRecursion(limits.MaxRecursionDepth)
            .MaxStatements(limits.MaxStatements)
            .TimeoutInterval(limits.Timeout)
            .LimitMemory(limits.MaxMemoryBytes)
            .MaxArraySize(limits.MaxArraySize);

        // Without the stack guard, recursion through toString coercion or a Proxy trap overflows the native stack and
        // takes the whole process down, LimitRecursion notwithstanding (it only counts script function calls).
        options.Constraints.StackOverflowGuard = true;
        options.Constraints.RegexTimeout = limits.Timeout;
        options.Constraints.PromiseTimeout = limits.Timeout;
        return options;
    }
}
