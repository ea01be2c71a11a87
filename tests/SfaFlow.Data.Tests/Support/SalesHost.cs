using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SfaFlow.Sales;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Runtime;

using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Data.Tests.Support;

/// <summary>The sales services over a real, migrated SQLite file with a fake clock.</summary>
public sealed class SalesHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _file = Path.Combine(Path.GetTempPath(), "sfaflow-tests", $"{Guid.NewGuid():N}.db");

    private SalesHost(Action<IServiceCollection>? configure)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSfaFlowData();
        services.AddSfaFlowRuntime();
        services.AddSfaFlowSales();
        services.Configure<DataOptions>(o => o.ConnectionString = $"Data Source={_file};Pooling=False");
        services.Configure<SfaFlow.Workflows.Scripting.ScriptOptions>(PatientLimits.Apply);
        services.Configure<RuntimeOptions>(o => o.RunScheduler = false);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task<ISalesDatabase> OpenAsync() => Get<ISalesDatabaseFactory>().OpenAsync();

    /// <param name="configure">Changes to the services before they are built (settings a test needs).</param>
    public static async Task<SalesHost> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var host = new SalesHost(configure);
        await host.Get<DatabaseMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>Adds a user (and returns it) with the given role and scope.</summary>
    public async Task<SalesUser> AddUserAsync(string userName, SalesRole role = SalesRole.Rep, RecordScope scope = RecordScope.Own,
        long? teamId = null, params long[] regionIds)
    {
        await using var db = await OpenAsync();
        var user = new SalesUser { UserName = userName, DisplayName = userName, Role = role, Scope = scope, TeamId = teamId, RegionIds = [.. regionIds] };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<SalesPrincipal> PrincipalAsync(string userName) =>
        await Get<SalesPrincipalResolver>().ResolveAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}
