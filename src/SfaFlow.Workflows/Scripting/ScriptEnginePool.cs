using System.Collections.Concurrent;
using Jint;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// Sandboxed, locked-down Jint engines, reused from one workflow run to the next. Building one (limits, guards, Elsa's
/// globals, the lockdown) costs milliseconds and about a megabyte; a run that reuses one pays only for its own values.
/// An engine whose limit tripped is never returned: it is not trusted after an interrupted operation.
/// </summary>
internal sealed class ScriptEnginePool(ScriptHost host)
{
    private readonly ConcurrentBag<PooledEngine> _idle = [];
    private readonly int _capacity = Math.Max(4, Environment.ProcessorCount * 4);

    public PooledEngine Rent() => _idle.TryTake(out var engine) ? engine : Create();

    public void Return(PooledEngine engine)
    {
        engine.Globals.EndRun();
        if (_idle.Count < _capacity)
        {
            _idle.Add(engine);
        }
        else
        {
            engine.Engine.Dispose();
        }
    }

    private PooledEngine Create()
    {
        var engine = new Engine(host.EngineOptions);
        SandboxGuards.Apply(engine, host.Options);
        var globals = new ScriptGlobals(engine, host);
        Lockdown.Apply(engine);
        return new PooledEngine(engine, globals);
    }
}

/// <summary>An engine and the globals bound to it.</summary>
internal sealed record PooledEngine(Engine Engine, ScriptGlobals Globals);
