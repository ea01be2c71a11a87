using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SfaFlow.Data.Outbox;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;
using SfaFlow.Workflows.Runtime.Scheduling;

using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Data.Tests.Support;

/// <summary>
/// A runtime over a real SQLite database file with the real migrations, a fake clock and captured WriteLine output. Two
/// hosts on the same file behave like two runtime processes sharing a database.
/// </summary>
public sealed class RuntimeHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RuntimeHost(string databaseFile, FakeTimeProvider clock, Action<RuntimeOptions>? runtime, Action<OutboxOptions>? outbox, Action<IServiceCollection>? configure = null)
    {
        DatabaseFile = databaseFile;
        Clock = clock;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ITextSink>(new Sink(this));
        services.AddSfaFlowData();
        services.AddSfaFlowRuntime();
        services.AddSfaFlowOutbox();
        // Pooling off, so the test can delete the file afterwards.
        services.Configure<DataOptions>(o => o.ConnectionString = $"Data Source={databaseFile};Pooling=False");
        services.Configure<RuntimeOptions>(o =>
        {
            o.RunScheduler = false;
            runtime?.Invoke(o);
        });
        services.Configure<SfaFlow.Workflows.Scripting.ScriptOptions>(PatientLimits.Apply);
        services.Configure<OutboxOptions>(o =>
        {
            o.RunDispatcher = false;
            outbox?.Invoke(o);
        });
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public string DatabaseFile { get; }

    public FakeTimeProvider Clock { get; }

    public CapturingTextSink Lines { get; } = new();

    /// <summary>Raised after each line a workflow writes, on the thread that runs it: lets a test act mid-run.</summary>
    public event Action<string?>? LineWritten;

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public WorkflowDefinitionManager Definitions => _services.GetRequiredService<WorkflowDefinitionManager>();

    public WorkflowScheduler Scheduler => _services.GetRequiredService<WorkflowScheduler>();

    public IWorkflowInstanceStore Instances => _services.GetRequiredService<IWorkflowInstanceStore>();

    /// <summary>This "process's" outbox dispatcher; tests drive its passes (its hosted loop is off unless they turn it on).</summary>
    internal OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();

    /// <summary>A unit of work on the database, as the sales stores open one.</summary>
    public Task<SfaFlowDbContext> OpenDbAsync() => _services.GetRequiredService<IDbContextFactory<SfaFlowDbContext>>().CreateDbContextAsync();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A new, migrated database in a temporary folder.</summary>
    public static async Task<RuntimeHost> CreateAsync(Action<RuntimeOptions>? runtime = null, Action<OutboxOptions>? outbox = null, Action<IServiceCollection>? services = null)
    {
        var file = Path.Combine(Path.GetTempPath(), "sfaflow-tests", $"{Guid.NewGuid():N}.db");
        var host = new RuntimeHost(file, new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)), runtime, outbox, services);
        await host.Get<DatabaseMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>A second runtime on the same database file (another process, as far as the database can tell).</summary>
    public RuntimeHost ShareDatabase(Action<RuntimeOptions>? runtime = null, Action<OutboxOptions>? outbox = null, Action<IServiceCollection>? services = null) =>
        new(DatabaseFile, new FakeTimeProvider(Clock.GetUtcNow()), runtime, outbox, services) { _ownsFile = false };

    private bool _ownsFile = true;

    public async Task<StoredDefinition> PublishAsync(string json)
    {
        var definition = ElsaJsonReader.Read(json).GetDefinitionOrThrow();
        return (await Definitions.ImportAsync(definition, publish: true)).Definition;
    }

    private sealed class Sink(RuntimeHost host) : ITextSink
    {
        public void WriteLine(string? text)
        {
            host.Lines.WriteLine(text);
            host.LineWritten?.Invoke(text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsFile)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(DatabaseFile + suffix);
            }
        }
    }
}
