using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Scripting;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Scripting;

/// <summary>
/// Every sandbox limit and known attack ends as an incident on the instance, and the test process carries on (each test's
/// own timeout guards against a hang). The test engine's time limits are patient (<see cref="PatientLimits"/>): a test
/// aimed at a time limit sets the product's default, so that it is the limit under test that trips.
/// </summary>
public sealed class SandboxTests
{
    /// <summary>The product's defaults (<see cref="ScriptOptions"/>): 500 ms per script, 250 ms per host call.</summary>
    private static readonly Action<ScriptOptions> DefaultClock = o => (o.Timeout, o.HostCallTimeout) = (new ScriptOptions().Timeout, new ScriptOptions().HostCallTimeout);

    private static readonly Action<ScriptOptions> PatientClock = o => o.Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Lets the native stack guard, not the recursion counter or the clock, stop runaway recursion.</summary>
    private static readonly Action<ScriptOptions> DeepButPatient = o =>
    {
        o.Timeout = TimeSpan.FromSeconds(20);
        o.MaxRecursionDepth = 100_000;
    };

    private static async Task<Incident> RunScript(string script, Action<IServiceCollection>? configure = null, Action<ScriptOptions>? limits = null)
    {
        using var engine = new TestEngine(limits, configure);
        var definition = Definition([WriteLineJs("script", script), WriteLine("after", "must not run")], [Connect("script", "after")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (instance.Status, instance.SubStatus));
        Assert.Empty(engine.Lines.Lines);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("script", incident.ActivityId);
        return incident;
    }

    [Fact(Timeout = 120_000)]
    public async Task InfiniteLoop_WithDefaultLimits_EndsAsAnIncident()
    {
        var incident = await RunScript("while (true) {}", limits: DefaultClock);

        Assert.Matches("more than 1,000,000 statements|ran longer than its limit of 500 ms", incident.Message);
        Assert.Equal(typeof(ScriptEvaluationException).FullName, incident.ExceptionType);
    }

    [Fact(Timeout = 120_000)]
    public async Task InfiniteLoop_HitsTheStatementLimit()
    {
        var incident = await RunScript("while (true) {}", limits: PatientClock);

        Assert.Contains("more than 1,000,000 statements", incident.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task SlowLoop_HitsTheTimeLimit()
    {
        // Few statements, each slow: the time limit, not the statement limit, stops it.
        var incident = await RunScript("while (true) { JSON.stringify(Array.from({length: 2000}, (_, i) => i)); }", limits: o =>
        {
            DefaultClock(o);
            (o.MaxStatements, o.MaxMemoryBytes) = (int.MaxValue - 1, long.MaxValue - 1);
        });

        Assert.Contains("ran longer than its limit of 500 ms", incident.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("let s = 'x'; const all = []; while (true) { s = s + s; all.push(s); }")]
    [InlineData("const all = []; while (true) { all.push({ a: 'x'.repeat(100000), b: [1, 2, 3] }); }")]
    public async Task MemoryBomb_HitsTheMemoryLimit(string script)
    {
        var incident = await RunScript(script, limits: PatientClock);

        Assert.Contains("allocated more than its limit of 32 MB", incident.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("'x'.repeat(2 ** 28).length")]
    [InlineData("''.padStart(2 ** 29, 'y')")]
    [InlineData("new Array(100000).fill('z'.repeat(1000)).join('')")]
    public async Task SingleHugeString_IsRefusedBeforeItIsBuilt(string script)
    {
        var incident = await RunScript(script, limits: PatientClock);

        Assert.Contains("would build a string longer than the sandbox allows", incident.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task HugeArray_IsRefused()
    {
        var incident = await RunScript("new Array(2 ** 31).fill(0).length", limits: PatientClock);

        Assert.Contains("allocated more than its limit", incident.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task DeepRecursion_HitsTheRecursionLimit()
    {
        var incident = await RunScript("function down(n) { return down(n + 1); }\ndown(0);", limits: PatientClock);

        Assert.Contains("nested calls deeper than 256", incident.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task RecursionThroughToString_IsStoppedByTheStackGuard()
    {
        var incident = await RunScript("const o = { toString() { return '' + o; } };\n'' + o;", limits: DeepButPatient);

        Assert.Contains("call stack", incident.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task RecursionThroughAProxyTrap_IsStoppedByTheStackGuard()
    {
        var incident = await RunScript("const p = new Proxy({}, { get(target, key, receiver) { return receiver[key]; } });\np.anything;", limits: DeepButPatient);

        Assert.Contains("call stack", incident.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("eval('1 + 1')")]
    [InlineData("new Function('return 1')()")]
    [InlineData("Function('return this')()")]
    [InlineData("getVariable.constructor('return this')()")]
    [InlineData("(function(){}).constructor('return process')()")]
    [InlineData("Object.getPrototypeOf(async function(){}).constructor('return 1')()")]
    public async Task StringCompilation_IsRefused(string script)
    {
        var incident = await RunScript(script);

        Assert.Contains("String compilation has been disabled", incident.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System is not defined")]
    [InlineData("importNamespace('System.IO')", "importNamespace is not defined")]
    [InlineData("getVariable.GetType().Assembly", "not a function")]
    [InlineData("clr.System", "clr is not defined")]
    [InlineData("new ArrayBuffer(8)", "ArrayBuffer is not a constructor")]
    [InlineData("globalThis.Uint8Array(4)", "not a function")]
    public async Task ClrAndReflection_AreOutOfReach(string script, string expected)
    {
        var incident = await RunScript(script);

        Assert.Contains(expected, incident.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task HostFunctionValues_AreScriptDataNotClrObjects()
    {
        using var engine = new TestEngine();
        var definition = Definition([WriteLineJs("probe", "const v = getWorkflowInstanceId(); [typeof v, typeof v.GetType, Object.keys(toJson).length].join(' ')")]);

        var instance = await engine.StartAsync(definition);

        Assert.Empty(instance.Incidents);
        Assert.Equal(["string undefined 0"], engine.Lines.Lines);
    }

    [Fact(Timeout = 120_000)]
    public async Task HostCallbackThatRunsLong_HitsItsOwnDeadline()
    {
        var incident = await RunScript("slowCrmLookup('lead-1')", services => services.AddSingleton(_ =>
        {
            var functions = new ScriptFunctionRegistry();
            functions.Register(new ScriptFunction("slowCrmLookup", (_, cancellation) =>
            {
                Task.Delay(TimeSpan.FromSeconds(20), cancellation).Wait(cancellation);
                return "late";
            }));
            return functions;
        }), DefaultClock);

        Assert.Contains("'slowCrmLookup' did not return within 250 ms", incident.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task ScriptError_ReportsTheLineAndColumnInTheUsersScript()
    {
        var incident = await RunScript("const lead = null;\nconst x = 1;\nreturn lead.score > 50;");

        Assert.Contains("Cannot read properties of null", incident.Message, StringComparison.Ordinal);
        Assert.Equal(3, incident.Script!.Line);
    }

    [Fact(Timeout = 120_000)]
    public async Task AfterALimitBreak_TheNextRunWorksNormally()
    {
        using var engine = new TestEngine();
        var bomb = Definition([WriteLineJs("loop", "while (true) {}")]);
        var fine = Definition([WriteLineJs("ok", "'still fine'")]);

        await engine.StartAsync(bomb);
        var instance = await engine.StartAsync(fine);

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["still fine"], engine.Lines.Lines);
    }

    [Fact(Timeout = 120_000)]
    public async Task Limits_AreConfigurable()
    {
        using var engine = new TestEngine(o => o.MaxStatements = 50);
        var definition = Definition([WriteLineJs("loop", "let i = 0; while (i < 100) { i++; } 'done'")]);

        var instance = await engine.StartAsync(definition);

        Assert.Contains("more than 50 statements", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }
}
