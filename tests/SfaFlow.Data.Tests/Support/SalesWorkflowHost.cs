using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SfaFlow.Data.Outbox;
using SfaFlow.Sales;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Scheduling;

using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Data.Tests.Support;

/// <summary>
/// The sales services, the runtime and the outbox over one real SQLite file with a fake clock; the test drives the
/// dispatcher and the scheduler. <see cref="Restart"/> is a new process on the same file.
/// </summary>
public sealed class SalesWorkflowHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsFile;

    private SalesWorkflowHost(string file, FakeTimeProvider clock, bool ownsFile, Action<RuntimeOptions>? runtime = null)
    {
        (DatabaseFile, Clock, _ownsFile) = (file, clock, ownsFile);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ITextSink>(Lines);
        services.AddSfaFlowData();
        services.AddSfaFlowRuntime();
        services.AddSfaFlowOutbox();
        services.AddSfaFlowSales();
        services.Configure<DataOptions>(o => o.ConnectionString = $"Data Source={file};Pooling=False");
        services.Configure<SfaFlow.Workflows.Scripting.ScriptOptions>(PatientLimits.Apply);
        services.Configure<RuntimeOptions>(o =>
        {
            o.RunScheduler = false;
            runtime?.Invoke(o);
        });
        services.Configure<OutboxOptions>(o => o.RunDispatcher = false);
        _services = services.BuildServiceProvider();
    }

    public string DatabaseFile { get; }

    public FakeTimeProvider Clock { get; }

    public CapturingTextSink Lines { get; } = new();

    public WorkflowRuntime Runtime => Get<WorkflowRuntime>();

    public WorkflowScheduler Scheduler => Get<WorkflowScheduler>();

    internal OutboxDispatcher Dispatcher => Get<OutboxDispatcher>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task<ISalesDatabase> OpenAsync() => Get<ISalesDatabaseFactory>().OpenAsync();

    public static async Task<SalesWorkflowHost> CreateAsync(Action<RuntimeOptions>? runtime = null)
    {
        var file = Path.Combine(Path.GetTempPath(), "sfaflow-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var host = new SalesWorkflowHost(file, new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)), ownsFile: true, runtime);
        await host.Get<DatabaseMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>Another process on the same database (this one is left as it is; dispose both).</summary>
    public SalesWorkflowHost Restart() => new(DatabaseFile, new FakeTimeProvider(Clock.GetUtcNow()), ownsFile: false);

    public async Task<StoredDefinition> PublishAsync(string json) =>
        (await Get<WorkflowDefinitionManager>().ImportAsync(ElsaJsonReader.Read(json).GetDefinitionOrThrow(), publish: true)).Definition;

    public async Task<SalesUser> AddUserAsync(string userName, SalesRole role = SalesRole.Rep, params long[] regionIds)
    {
        await using var db = await OpenAsync();
        var user = new SalesUser { UserName = userName, DisplayName = userName, Role = role, Scope = RecordScope.Own, RegionIds = [.. regionIds] };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<Lead> AddLeadAsync(long ownerId, long? regionId = null)
    {
        await using var db = await OpenAsync();
        var lead = new Lead { Name = $"Lead of {ownerId}", OwnerId = ownerId, RegionId = regionId };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead;
    }

    public async Task<SalesPrincipal> PrincipalAsync(string userName) =>
        await Get<SalesPrincipalResolver>().ResolveAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");

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
