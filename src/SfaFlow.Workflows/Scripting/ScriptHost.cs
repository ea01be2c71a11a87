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

    /// <summary>
    /// Evaluates a script outside any workflow (a stage gate, a qualification rule) under the same sandbox: the values
    /// are its inputs (<c>getInput('name')</c>), and globals under their own names when listed in
    /// <see cref="ScriptOptions.InputGlobals"/>.
    /// </summary>
    /// <exception cref="ScriptSyntaxException">The script does not parse.</exception>
    /// <exception cref="ScriptEvaluationException">The script failed or broke a sandbox limit.</exception>
    public object? Evaluate(string source, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken = default)
    {
        var script = ScriptCompiler.Compile(source);
        using var session = CreateSession();
        return session.Evaluate(script, new StandaloneScriptScope(values, cancellationToken));
    }

    /// <summary>
    /// Parses a script the way <see cref="Evaluate"/> would (and caches it) without running it: checks a condition when
    /// it is saved (a stage gate), so that a typo is refused with its line and column instead of failing every deal later.
    /// </summary>
    /// <exception cref="ScriptSyntaxException">The script does not parse.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Callers hold the host, not the compiler.")]
    public void Parse(string source) => ScriptCompiler.Compile(source);

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
