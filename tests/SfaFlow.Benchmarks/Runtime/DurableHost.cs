using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Benchmarks.Flowchart;
using SfaFlow.Benchmarks.Lead;
using SfaFlow.Data;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// The durable runtime over a SQLite file, wired as the web host wires it (default connection pooling, WAL, the given
/// <c>synchronous</c>, commit on suspend) but without the scheduler: the harness drives every operation itself. Publishes
/// the lead-qualification flowchart, a one-event workflow for the resume measurement and a one-timer workflow for the
/// scheduler's lateness (whose measurement starts the scheduler itself).
/// </summary>
internal sealed class DurableHost : IAsyncDisposable
{
    public const string LeadDefinitionId = "lead-qualification";
    public const string WaitDefinitionId = "wait-for-go";

    private readonly ServiceProvider _services;

    public DurableHost(string databaseFile, string synchronous, bool runScheduler = false)
    {
        ConnectionString = $"Data Source={databaseFile}";
        Synchronous = synchronous;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ITextSink>(new CountingTextSink());
        services.Configure<ScriptOptions>(o => o.InputGlobals.Add("lead"));
        services.AddSfaFlowData();
        services.AddSfaFlowRuntime();
        services.Configure<DataOptions>(o =>
        {
            o.ConnectionString = ConnectionString;
            o.Synchronous = synchronous;
        });
        services.Configure<RuntimeOptions>(o => o.RunScheduler = runScheduler);
        _services = services.BuildServiceProvider();
    }

    public string ConnectionString { get; }

    public string Synchronous { get; }

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        await _services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var definitions = _services.GetRequiredService<WorkflowDefinitionManager>();
        using (var lead = new LeadFlowchart())
        {
            await definitions.ImportAsync(ElsaJsonReader.Read(lead.Json).GetDefinitionOrThrow(), publish: true);
        }

        await definitions.ImportAsync(WaitWorkflow.Create(), publish: true);
        await definitions.ImportAsync(TimerWorkflow.Create(), publish: true);
    }

    /// <summary>One durable lead qualification: start, run the 10-activity flowchart to the end, commit.</summary>
    public async Task<WorkflowInstance> QualifyLeadAsync()
    {
        var instance = await Runtime.StartAsync(LeadDefinitionId, new StartRequest { Input = new Dictionary<string, object?> { ["lead"] = LeadScenario.CreateInput() } });
        return instance.SubStatus == WorkflowSubStatus.Finished ? instance : throw new InvalidOperationException($"A lead instance ended {instance.SubStatus}.");
    }

    /// <summary>Starts an instance that suspends on the <c>Go</c> event; returns its bookmark.</summary>
    public async Task<(WorkflowInstance Instance, string BookmarkId)> StartWaitingAsync()
    {
        var instance = await Runtime.StartAsync(WaitDefinitionId, new StartRequest());
        return instance.Bookmarks is [var bookmark] ? (instance, bookmark.Id) : throw new InvalidOperationException("The waiting instance has no single bookmark.");
    }

    public async Task ResumeAsync(string bookmarkId)
    {
        var result = await Runtime.ResumeAsync(bookmarkId, new Dictionary<string, object?> { ["approved"] = true });
        if (result.Status != ResumeStatus.Resumed || result.Instance?.SubStatus != WorkflowSubStatus.Finished)
        {
            throw new InvalidOperationException($"A resume ended {result.Status}/{result.Instance?.SubStatus}.");
        }
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
