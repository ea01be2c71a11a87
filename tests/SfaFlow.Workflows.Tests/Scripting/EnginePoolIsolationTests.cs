using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Scripting;

/// <summary>
/// Script engines are pooled and reused from one run to the next. Nothing one run's scripts do may be visible to a later
/// run: every way of stashing a value outside the script fails, and the next run finds nothing.
/// </summary>
public sealed class EnginePoolIsolationTests
{
    private const string Stash = """
        const attempts = {
          globalProperty: () => { globalThis.stash = 'leak'; },
          defineGlobal: () => Object.defineProperty(globalThis, 'stash', { value: 'leak' }),
          builtinPrototype: () => { Array.prototype.stash = 'leak'; },
          builtinStatic: () => { Math.stash = 'leak'; },
          replaceBuiltin: () => { JSON.stringify = () => 'leak'; },
          hiddenIntrinsic: () => { Object.getPrototypeOf(function* () {}).stash = 'leak'; },
          hostFunction: () => { getVariable.stash = 'leak'; },
          accessor: () => { getLead.stash = 'leak'; },
          objectPrototype: () => { Object.prototype.stash = 'leak'; },
        };
        const refused = [];
        for (const [name, attempt] of Object.entries(attempts)) {
          try { attempt(); } catch (e) { refused.push(name); }
        }
        /secret-(\w+)/.exec('secret-abc');
        return refused.join(',');
        """;

    private const string Probe = """
        [typeof stash, [].stash, Math.stash, JSON.stringify({ a: 1 }), Object.getPrototypeOf(function* () {}).stash,
         getVariable.stash, getLead.stash, ({}).stash, typeof RegExp.$1, typeof RegExp.lastMatch].join('|')
        """;

    [Fact]
    public async Task Run_ScriptsTryingToLeaveStateBehind_AreRefusedAndTheNextRunSeesNothing()
    {
        using var engine = new TestEngine();
        var variables = new[] { Variable("Lead", "Object", "{}") };
        var stash = Definition([WriteLineJs("stash", Stash)], variables: variables);
        var probe = Definition([WriteLineJs("probe", Probe)], variables: variables);

        var first = await engine.StartAsync(stash);
        var second = await engine.StartAsync(probe);

        Assert.Empty(first.Incidents);
        Assert.Equal(
            "globalProperty,defineGlobal,builtinPrototype,builtinStatic,replaceBuiltin,hiddenIntrinsic,hostFunction,accessor,objectPrototype",
            engine.Lines.Lines[0]);
        Assert.Empty(second.Incidents);
        Assert.Equal("undefined|||{\"a\":1}|||||undefined|undefined", engine.Lines.Lines[1]);
    }

    [Fact]
    public async Task Run_VarAndFunctionDeclarations_StayInsideTheScript()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [WriteLineJs("first", "var total = 1; function twice(x) { return x * 2; }\ntwice(total)"), WriteLineJs("second", "typeof total + ' ' + typeof twice")],
            [Connect("first", "second")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["2", "undefined undefined"], engine.Lines.Lines);
    }

    [Fact]
    public async Task Run_ManyRunsInParallel_EachSeeOnlyTheirOwnInput()
    {
        using var engine = new TestEngine(o => o.InputGlobals.Add("lead"));
        var definition = Definition([WriteLineJs("show", "lead.name")]);

        var runs = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => engine.StartAsync(definition, new SfaFlow.Workflows.Execution.StartWorkflowOptions
        {
            Input = new Dictionary<string, object?> { ["lead"] = new Dictionary<string, object?> { ["name"] = $"lead-{i}" } },
        }))));

        Assert.All(runs, run => Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"lead-{i}").Order(), engine.Lines.Lines.Order());
    }
}
