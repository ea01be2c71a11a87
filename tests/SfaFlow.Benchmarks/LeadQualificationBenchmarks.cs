using BenchmarkDotNet.Attributes;
using SfaFlow.Benchmarks.Floor;
using SfaFlow.Benchmarks.Flowchart;
using SfaFlow.Benchmarks.Peer;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Benchmarks;

/// <summary>
/// One lead-qualification instance per operation: SfaFlow's flowchart, the bare-Jint floor, and the same flow on
/// WorkflowCore with C# and with Jint conditions. Each setup runs its flow once and throws if it did not run to the end
/// down the expected path. BenchmarkDotNet runs each benchmark in its own process, so each sets up only what it uses
/// (WorkflowCore's background threads would otherwise disturb the others).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 5, iterationCount: 20)]
public class LeadQualificationBenchmarks : IDisposable
{
    private LeadFlowchart? _flowchart;
    private JintFloor? _floor;
    private WorkflowCorePeer? _peer;

    [GlobalSetup(Target = nameof(SfaFlowFlowchart))]
    public async Task SetUpSfaFlow()
    {
        _flowchart = new LeadFlowchart();
        await _flowchart.VerifyAsync();
    }

    [GlobalSetup(Target = nameof(BareJintFloor))]
    public void SetUpFloor()
    {
        _floor = new JintFloor();
        _floor.Verify();
    }

    [GlobalSetup(Targets = [nameof(WorkflowCoreCSharpConditions), nameof(WorkflowCoreJintConditions)])]
    public async Task SetUpWorkflowCore()
    {
        _peer = new WorkflowCorePeer();
        await _peer.VerifyAsync(CSharpLeadConditions.Instance);
        using (var conditions = new JintLeadConditions())
        {
            await _peer.VerifyAsync(conditions);
        }

        await _peer.WarmUpAsync(TimeSpan.FromSeconds(3));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _flowchart?.Dispose();
        _floor?.Dispose();
        _peer?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "SfaFlow flowchart")]
    public Task<WorkflowInstance> SfaFlowFlowchart() => _flowchart!.RunAsync();

    [Benchmark(Baseline = true, Description = "Bare Jint (floor)")]
    public int BareJintFloor() => _floor!.Evaluate();

    [Benchmark(Description = "WorkflowCore, C# conditions")]
    public async Task<string?> WorkflowCoreCSharpConditions() => (await _peer!.RunAsync(CSharpLeadConditions.Instance)).Data.Segment;

    [Benchmark(Description = "WorkflowCore, Jint conditions")]
    public async Task<string?> WorkflowCoreJintConditions()
    {
        using var conditions = new JintLeadConditions();
        return (await _peer!.RunAsync(conditions)).Data.Segment;
    }
}
