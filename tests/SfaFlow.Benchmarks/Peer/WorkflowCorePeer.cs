using System.Collections;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Models.LifeCycleEvents;
using WorkflowCore.Services;

namespace SfaFlow.Benchmarks.Peer;

/// <summary>
/// A WorkflowCore 3.22 host with its defaults (<c>AddWorkflow()</c>: in-memory persistence, queue and locks). One run
/// starts an instance and awaits its <see cref="WorkflowCompleted"/> life-cycle event, matched by the instance reference.
/// </summary>
internal sealed partial class WorkflowCorePeer : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IWorkflowHost _host;
    private readonly IList _store;
    private PendingRun? _pending;
    private long _runs;

    public WorkflowCorePeer()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow();
        _services = services.BuildServiceProvider();
        _store = FindInstanceList(_services.GetRequiredService<ISingletonMemoryProvider>());
        _host = _services.GetRequiredService<IWorkflowHost>();
        _host.RegisterWorkflow<LeadWorkflow, LeadData>();
        _host.OnLifeCycleEvent += OnLifeCycleEvent;
        _host.OnStepError += OnStepError;
        _host.Start();
    }

    /// <summary>Starts one instance for a fresh lead and waits until WorkflowCore reports it complete.</summary>
    public async Task<(string InstanceId, LeadData Data)> RunAsync(ILeadConditions conditions)
    {
        var data = new LeadData { Lead = LeadProfile.Create(), Conditions = conditions };
        var run = new PendingRun(Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture));
        Volatile.Write(ref _pending, run);
        var id = await _host.StartWorkflow(LeadWorkflow.WorkflowId, 1, data, run.Reference);
        await run.Completion.Task;
        if (_runs % 256 == 0)
        {
            PruneFinished();
        }

        return (id, data);
    }

    /// <summary>
    /// A fresh WorkflowCore host ran many times slower for its first several hundred instances in trial runs, longer than
    /// BenchmarkDotNet's warm-up lasts; warming it up first measures it in its steady state, as SfaFlow is.
    /// </summary>
    public async Task WarmUpAsync(TimeSpan duration)
    {
        var until = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < until)
        {
            await RunAsync(CSharpLeadConditions.Instance);
            using var conditions = new JintLeadConditions();
            await RunAsync(conditions);
        }
    }

    public void Dispose()
    {
        _host.Stop();
        _services.Dispose();
    }

    private void OnLifeCycleEvent(LifeCycleEvent evt)
    {
        var run = Volatile.Read(ref _pending);
        if (run is null || evt.Reference != run.Reference)
        {
            return;
        }

        switch (evt)
        {
            case WorkflowCompleted:
                run.Completion.TrySetResult();
                break;
            case WorkflowTerminated or WorkflowError:
                run.Completion.TrySetException(new InvalidOperationException($"WorkflowCore instance {evt.WorkflowInstanceId} ended with {evt.GetType().Name}."));
                break;
        }
    }

    private void OnStepError(WorkflowInstance workflow, WorkflowStep step, Exception exception) =>
        Volatile.Read(ref _pending)?.Completion.TrySetException(
            new InvalidOperationException($"WorkflowCore step '{step.Name}' of {workflow.Id} failed.", exception));

    private sealed class PendingRun(string reference)
    {
        public string Reference { get; } = reference;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
