using Acornima.Ast;
using Jint;
using Jint.Native;
using SfaFlow.Benchmarks.Lead;

namespace SfaFlow.Benchmarks.Floor;

/// <summary>
/// The floor: the three conditions as Jint prepared scripts on one long-lived, unconstrained engine, against a plain
/// JavaScript lead object built per instance. No workflow engine can evaluate the same conditions for less.
/// </summary>
internal sealed class JintFloor : IDisposable
{
    private readonly Engine _engine = new();
    private readonly Prepared<Script>[] _conditions = [.. LeadScenario.Conditions.Select(c => Engine.PrepareScript(c))];

    /// <summary>Evaluates the three conditions for a fresh lead; returns how many hold.</summary>
    public int Evaluate()
    {
        var lead = new JsObject(_engine);
        lead.Set("score", LeadScenario.Score);
        lead.Set("country", LeadScenario.Country);
        lead.Set("employees", LeadScenario.Employees);
        _engine.SetValue("lead", lead);

        var holding = 0;
        foreach (var condition in _conditions)
        {
            if (_engine.Evaluate(condition).AsBoolean())
            {
                holding++;
            }
        }

        return holding;
    }

    public void Verify()
    {
        if (Evaluate() != LeadScenario.Conditions.Count)
        {
            throw new InvalidOperationException("The bare Jint floor did not find all three conditions true for the benchmark lead.");
        }
    }

    public void Dispose() => _engine.Dispose();
}
