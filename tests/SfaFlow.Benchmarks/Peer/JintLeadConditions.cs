using Acornima.Ast;
using Jint;
using Jint.Native;
using SfaFlow.Benchmarks.Lead;

namespace SfaFlow.Benchmarks.Peer;

/// <summary>
/// The conditions as JavaScript, for WorkflowCore users whose conditions are edited at run time. Set up the way SfaFlow
/// runs scripts, so the comparison is engine against engine: scripts prepared once and shared, one engine per instance
/// with SfaFlow's default sandbox limits, and the lead handed over as a plain JavaScript object.
/// </summary>
internal sealed class JintLeadConditions : ILeadConditions, IDisposable
{
    private static readonly Prepared<Script>[] Scripts = [.. LeadScenario.Conditions.Select(c => Engine.PrepareScript(c))];

    private Engine? _engine;

    public bool Evaluate(LeadCheck check, LeadProfile lead)
    {
        _engine ??= CreateEngine(lead);
        return _engine.Evaluate(Scripts[(int)check]).AsBoolean();
    }

    public void Dispose() => _engine?.Dispose();

    private static Engine CreateEngine(LeadProfile lead)
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        var options = new Options();
        options.Strict(true)
            .DisableStringCompilation(true)
            .LimitRecursion(256)
            .MaxStatements(1_000_000)
            .TimeoutInterval(timeout)
            .LimitMemory(32 * 1024 * 1024)
            .MaxArraySize(1_000_000);
        options.Constraints.StackOverflowGuard = true;
        options.Constraints.RegexTimeout = timeout;
        options.Constraints.PromiseTimeout = timeout;

        var engine = new Engine(options);
        var js = new JsObject(engine);
        js.Set("score", lead.Score);
        js.Set("country", lead.Country);
        js.Set("employees", lead.Employees);
        engine.SetValue("lead", js);
        return engine;
    }
}
