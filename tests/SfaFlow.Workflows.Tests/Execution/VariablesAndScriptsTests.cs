using System.Text.Json.Nodes;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Execution;

/// <summary>Variables, inputs, outputs and Elsa's JavaScript globals.</summary>
public sealed class VariablesAndScriptsTests
{
    private static async Task<(WorkflowInstance Instance, IReadOnlyList<string> Lines)> Run(
        IEnumerable<JsonObject> activities, IEnumerable<JsonObject>? variables = null, IReadOnlyDictionary<string, object?>? input = null,
        IEnumerable<JsonObject>? inputs = null, Action<SfaFlow.Workflows.Scripting.ScriptOptions>? scripts = null)
    {
        var list = activities.ToList();
        var connections = list.Zip(list.Skip(1), (a, b) => Connect((string)a["id"]!, (string)b["id"]!));
        using var engine = new TestEngine(scripts);
        var instance = await engine.StartAsync(Definition(list, connections, variables, inputs), new StartWorkflowOptions { Input = input, CorrelationId = "lead-42" });
        Assert.True(instance.Incidents.Count == 0, string.Join("; ", instance.Incidents.Select(i => i.Message)));
        return (instance, engine.Lines.Lines);
    }

    [Fact]
    public async Task Variables_AreConvertedToTheirDeclaredType()
    {
        var (instance, lines) = await Run(
            [SetVariable("set", "Score", Js("'41'")), WriteLineJs("show", "typeof getScore() + ' ' + (getScore() + 1)")],
            [Variable("Score", "Int32", "0")]);

        Assert.Equal(["number 42"], lines);
        Assert.Equal(41, instance.Variables["Score"]);
    }

    [Fact]
    public async Task Scripts_BothBareExpressionsAndReturnStatementsGiveTheValue()
    {
        var (_, lines) = await Run(
        [
            WriteLineJs("bare", "1 + 1"),
            WriteLineJs("ret", "return 'two';"),
            WriteLineJs("stmts", "let x = 3;\nconst y = 4;\nreturn `${x + y}`;"),
            WriteLineJs("again", "let x = 5; x * 2"),
        ]);

        Assert.Equal(["2", "two", "7", "10"], lines);
    }

    [Fact]
    public async Task Scripts_SetVariableOfAnUnknownName_CreatesAWorkflowVariable()
    {
        var (instance, lines) = await Run([WriteLineJs("set", "setVariable('note', 'hi'); ''"), WriteLineJs("get", "getVariable('note') + ' ' + getNote()")]);

        Assert.Equal(["", "hi hi"], lines);
        Assert.Equal("hi", instance.Variables["note"]);
    }

    [Fact]
    public async Task Scripts_VariablesObject_CopiesNamedVariablesInAndOut()
    {
        var (instance, lines) = await Run(
            [WriteLineJs("bump", "variables.Count = variables.Count + 5; 'bumped'"), WriteLineJs("show", "getCount()")],
            [Variable("Count", "Int32", "1"), Variable("Other", "String", "untouched")]);

        Assert.Equal(["bumped", "6"], lines);
        Assert.Equal("untouched", instance.Variables["Other"]);
    }

    [Fact]
    public async Task Scripts_AccessorsForVariablesWithSymbols_AreNotGenerated()
    {
        using var engine = new TestEngine();
        var definition = Definition([WriteLineJs("show", "getMyvar()")], variables: [Variable("my_var", "String", "x")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains("getMyvar is not defined", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripts_WorkflowInputs_ThroughAccessorGetInputAndInputGlobals()
    {
        var (_, lines) = await Run(
            [WriteLineJs("a", "getMessage() + '/' + getInput('message') + '/' + lead.country")],
            input: new Dictionary<string, object?> { ["message"] = "hello", ["lead"] = new JsonObject { ["country"] = "DE" } },
            inputs: [new JsonObject { ["name"] = "Message", ["type"] = "String" }],
            scripts: o => o.InputGlobals.Add("lead"));

        Assert.Equal(["hello/hello/DE"], lines);
    }

    [Fact]
    public async Task Scripts_InputDeclaredInLowerCase_HasItsAccessorAsWrittenAndPascalCased()
    {
        var (_, lines) = await Run(
            [WriteLineJs("a", "getLead().name")],
            input: new Dictionary<string, object?> { ["lead"] = new JsonObject { ["name"] = "Ada" } },
            inputs: [new JsonObject { ["name"] = "lead", ["type"] = "Object" }]);

        Assert.Equal(["Ada"], lines);
    }

    [Fact]
    public async Task Start_DeclaredInputs_AreConvertedToTheirType_AndBadValuesAreRefused()
    {
        using var engine = new TestEngine();
        var definition = Definition([WriteLineJs("a", "typeof getCount() + ' ' + (getCount() + 1)")], inputs: [new JsonObject { ["name"] = "Count", ["type"] = "Int32" }]);

        await engine.StartAsync(definition, new StartWorkflowOptions { Input = new Dictionary<string, object?> { ["count"] = "41" } });
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => engine.StartAsync(definition, new StartWorkflowOptions { Input = new Dictionary<string, object?> { ["count"] = "five" } }));

        Assert.Equal(["number 42"], engine.Lines.Lines);
        Assert.Contains("Input 'Count' is declared as Int32: Cannot read 'five' as Int32", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripts_InputGlobals_AreReadOnly()
    {
        using var engine = new TestEngine(o => o.InputGlobals.Add("lead"));
        var definition = Definition([WriteLineJs("mutate", "lead.score = 100; 'x'")]);

        var instance = await engine.StartAsync(definition, new StartWorkflowOptions { Input = new Dictionary<string, object?> { ["lead"] = new Dictionary<string, object?> { ["score"] = 10 } } });

        Assert.True(instance.SubStatus == WorkflowSubStatus.Faulted, $"{instance.SubStatus}: {string.Join("; ", engine.Lines.Lines)} / {string.Join("; ", instance.Incidents.Select(i => i.Message))}");
        Assert.Contains("Script error", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripts_InstanceFunctions_ReadAndWriteTheInstance()
    {
        var (instance, lines) = await Run(
        [
            WriteLineJs("ids", "getCorrelationId() + ' ' + getWorkflowDefinitionId() + ' v' + getWorkflowDefinitionVersion() + ' ' + (getWorkflowInstanceId().length > 0)"),
            WriteLineJs("set", "setCorrelationId('lead-43'); setWorkflowInstanceName('Qualify Ada'); getCorrelationId()"),
            WriteLineJs("helpers", "[isNullOrWhiteSpace('  '), isNullOrEmpty(''), toJson({a: [1, 'b']}), stringFromBase64(stringToBase64('ü'))].join(' ')"),
            WriteLineJs("guids", "newGuid().length + ' ' + parseGuid('3F2504E0-4F89-11D3-9A0C-0305E82C3301')"),
        ]);

        Assert.Equal(["lead-42 test v1 true", "lead-43", "true true {\"a\":[1,\"b\"]} ü", "36 3f2504e0-4f89-11d3-9a0c-0305e82c3301"], lines);
        Assert.Equal(("lead-43", "Qualify Ada"), (instance.CorrelationId, instance.Name));
    }

    [Fact]
    public async Task Scripts_ObjectsRoundTripThroughVariables()
    {
        var (instance, lines) = await Run(
            [SetVariable("set", "Lead", Js("return { name: 'Ada', tags: ['vip'], $id: '#/x' }")), WriteLineJs("show", "getLead().name + ' ' + getLead().tags[0] + ' ' + getLead()['$id']")],
            [Variable("Lead", "Object")]);

        Assert.Equal(["Ada vip #/x"], lines);
        Assert.Equal("{\"name\":\"Ada\",\"tags\":[\"vip\"],\"$id\":\"#/x\"}", ((JsonObject)instance.Variables["Lead"]!).ToJsonString());
    }

    [Fact]
    public async Task Correlate_SetsTheCorrelationId_AndSetOutput_SetsAWorkflowOutput()
    {
        var (instance, _) = await Run(
        [
            Activity("correlate", "Elsa.Correlate", new() { ["correlationId"] = Literal("lead-7") }),
            Activity("output", "Elsa.SetOutput", new() { ["outputName"] = Literal("Score"), ["outputValue"] = Js("40 + 2") }),
        ]);

        Assert.Equal("lead-7", instance.CorrelationId);
        Assert.Equal(42d, instance.Output["Score"]);
    }

    [Fact]
    public async Task NestedFlowchartVariables_AreVisibleInsideOnly()
    {
        using var engine = new TestEngine();
        var inner = Flowchart("inner", [WriteLineJs("in", "getInner() + ' ' + getOuter()")], variables: [Variable("Inner", "String", "i")]);
        var definition = Definition(
            [Start(), FlowNode("node", inner), WriteLineJs("out", "getVariable('Inner') === null ? 'hidden' : 'leaked'")],
            [Connect("start", "node"), Connect("node", "out")],
            [Variable("Outer", "String", "o")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(["i o", "hidden"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task OutputBoundToAVariable_IsCopiedIntoIt()
    {
        using var engine = new TestEngine();
        var eventActivity = Event("reply", "Replied");
        eventActivity["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Reply" } };
        var definition = Definition([eventActivity, WriteLineJs("show", "getReply().text")], [Connect("reply", "show")], [Variable("Reply", "Object")]);

        var instance = await engine.StartAsync(definition);
        instance = await engine.Engine.ResumeAsync(definition, instance, instance.Bookmarks[0].Id, new Dictionary<string, object?> { ["text"] = "yes" });

        Assert.Equal(["yes"], engine.Lines.Lines);
    }
}
