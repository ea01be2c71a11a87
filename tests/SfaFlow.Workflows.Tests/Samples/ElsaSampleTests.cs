using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Workflows.Tests.Samples;

/// <summary>
/// Every workflow in the shared Elsa samples runs with the result Elsa's own tests expect (expected.json), read at test
/// time. A missing samples folder fails these tests rather than skipping them.
/// </summary>
public sealed class ElsaSampleTests
{
    private const string ChildWithOutput = "wfdef-activities--child-with-output.json";

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var sample in ElsaSample.Load(SharedFolder.ElsaSamples))
        {
            data.Add(sample.File);
        }

        return data;
    }

    [Fact]
    public void Samples_FolderHoldsEveryWorkflowItDescribes()
    {
        var samples = ElsaSample.Load(SharedFolder.ElsaSamples);
        var files = Directory.GetFiles(SharedFolder.ElsaSamples, "*--*.json").Select(f => Path.GetFileName(f)).Order().ToList();

        Assert.Equal(16, samples.Count);
        Assert.Equal(files, samples.Select(s => s.File).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Read_Sample_ValidatesWithoutErrors(string file)
    {
        using var engine = new TestEngine();
        var result = engine.Engine.Validate(File.ReadAllText(Path.Combine(SharedFolder.ElsaSamples, file)));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Run_Sample_ProducesWhatElsaExpects(string file)
    {
        var sample = ElsaSample.Load(SharedFolder.ElsaSamples).Single(s => s.File == file);
        using var engine = new TestEngine();
        if (file.Contains("parent-with-output", StringComparison.Ordinal))
        {
            // The parent uses the child workflow as an activity, as Elsa's test imports both.
            engine.Engine.RegisterWorkflowActivity(TestEngine.Read(File.ReadAllText(Path.Combine(SharedFolder.ElsaSamples, ChildWithOutput))));
        }

        var definition = TestEngine.Read(File.ReadAllText(sample.Path));
        var instance = await engine.RunUntilEndAsync(definition, new StartWorkflowOptions
        {
            FlowchartMode = Enum.Parse<FlowchartMode>(sample.FlowchartMode),
            Input = sample.Inputs?.ToDictionary(p => p.Key, p => ValueConverter.FromJsonElement(p.Value)),
        });

        if (sample.ExpectedLines is { } lines)
        {
            Assert.Equal(lines, engine.Lines.Lines);
        }

        if (sample.ExpectedStatus is { } status)
        {
            Assert.Equal(status, instance.Status.ToString());
        }

        if (sample.ExpectedSubStatus is { } subStatus)
        {
            Assert.Equal(subStatus, instance.SubStatus.ToString());
        }

        foreach (var (name, value) in sample.ExpectedOutputs ?? [])
        {
            Assert.Equal(ValueConverter.FromJsonElement(value), instance.Output[name]);
        }

        // Every instance must survive a round trip through JSON (Elsa's JsonObjectSerialization test asserts this).
        var copy = WorkflowInstanceSerializer.Deserialize(WorkflowInstanceSerializer.Serialize(instance));
        Assert.Equal(WorkflowInstanceSerializer.Serialize(instance), WorkflowInstanceSerializer.Serialize(copy));
    }
}
