using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Data.Outbox;
using SfaFlow.Data.Plugins;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Runtime.Instances;
using static SfaFlow.Data.Tests.Outbox.SalesEvents;

namespace SfaFlow.Data.Tests.Plugins;

/// <summary>
/// Durable deliveries to plugin listeners: the database store's rules (one per event and listener, leases, retries, giving
/// up), and deliveries that outlive the process that recorded them.
/// </summary>
public sealed class PluginDeliveryStoreTests
{
    private const string Won = "SfaFlow.TestPlugins.Good.WonListener";

    [Fact]
    public async Task Record_SameEventAndListenerTwice_AddsNothingTheSecondTime()
    {
        await using var host = await RuntimeHost.CreateAsync();
        var store = host.Get<IPluginDeliveryStore>();
        var won = Event("e1");

        var first = await store.RecordAsync(won, [new("Good", Won), new("Other", "Other.Listener")]);
        var again = await store.RecordAsync(won, [new("Good", Won)]);
        var deliveries = await store.FindAsync("e1");

        Assert.IsType<SqlPluginDeliveryStore>(store);
        Assert.Equal((2, 0), (first, again));
        Assert.Equal([("Good", Won, 0), ("Other", "Other.Listener", 0)], deliveries.Select(d => (d.PluginId, d.Listener, d.Attempts)));
    }

    [Fact]
    public async Task Claim_WhileTheLeaseRuns_NobodyElseGetsTheDelivery_ThenAnyoneDoes()
    {
        await using var host = await RuntimeHost.CreateAsync();
        var store = host.Get<IPluginDeliveryStore>();
        var now = host.Clock.GetUtcNow();
        await store.RecordAsync(Event("e1", new Dictionary<string, object?> { ["amount"] = 12.5, ["tags"] = new List<string> { "a", "b" } }), [new("Good", Won)]);

        var mine = await store.ClaimAsync(now, new Lease("a", now.AddMinutes(1)), 10);
        var theirsMeanwhile = await store.ClaimAsync(now.AddSeconds(59), new Lease("b", now.AddMinutes(2)), 10);
        var theirsAfter = await store.ClaimAsync(now.AddMinutes(1).AddMilliseconds(1), new Lease("b", now.AddMinutes(3)), 10);
        await store.MarkDeliveredAsync(theirsAfter[0].Id, now.AddMinutes(2));
        var afterDelivery = await store.ClaimAsync(now.AddMinutes(10), new Lease("c", now.AddMinutes(11)), 10);

        var claimed = Assert.Single(mine);
        Assert.Equal(("e1", "OpportunityWon", "opportunity:7", now), (claimed.Event.Id, claimed.Event.Name, claimed.Event.CorrelationId, claimed.Event.OccurredAt));
        Assert.Equal(12.5, claimed.Event.Payload["amount"]);
        Assert.Equal(["a", "b"], Assert.IsAssignableFrom<IEnumerable<object?>>(claimed.Event.Payload["tags"]));
        Assert.Empty(theirsMeanwhile);
        Assert.Equal(claimed.Id, Assert.Single(theirsAfter).Id);
        Assert.Empty(afterDelivery);
        var status = Assert.Single(await store.FindAsync("e1"));
        Assert.Equal((1, now.AddMinutes(2)), (status.Attempts, status.DeliveredAt));
        Assert.Equal((0, 1), (await store.PruneAsync(now.AddMinutes(2)), await store.PruneAsync(now.AddMinutes(3))));
        Assert.Empty(await store.FindAsync("e1"));
    }

    [Fact]
    public async Task Failure_SchedulesTheNextAttempt_AndGivingUpKeepsTheError()
    {
        await using var host = await RuntimeHost.CreateAsync();
        var store = host.Get<IPluginDeliveryStore>();
        var now = host.Clock.GetUtcNow();
        await store.RecordAsync(Event("e1"), [new("Good", Won)]);

        var first = Assert.Single(await store.ClaimAsync(now, new Lease("a", now.AddMinutes(1)), 10));
        await store.MarkFailedAsync(first.Id, "Boom: 1", now, now.AddSeconds(5));
        var early = await store.ClaimAsync(now.AddSeconds(4), new Lease("a", now.AddMinutes(1)), 10);
        var second = Assert.Single(await store.ClaimAsync(now.AddSeconds(5), new Lease("a", now.AddMinutes(1)), 10));
        await store.MarkFailedAsync(second.Id, "Boom: 2", now.AddSeconds(6), null);
        var afterGivingUp = await store.ClaimAsync(now.AddDays(1), new Lease("a", now.AddDays(2)), 10);

        Assert.Empty(early);
        Assert.Equal(1, second.Attempts);
        Assert.Empty(afterGivingUp);
        var status = Assert.Single(await store.FindAsync("e1"));
        Assert.Equal((2, "Boom: 2", now.AddSeconds(6), (DateTimeOffset?)null), (status.Attempts, status.LastError, status.GaveUpAt, status.DeliveredAt));
        Assert.Equal(0, await store.PruneAsync(now.AddYears(1)));
    }

    [Fact]
    public async Task Delivery_ListenerMissing_IsRetriedWithBackoff_ThenGivenUpAfterTheMaxAttempts()
    {
        var sink = new ConcurrentQueue<string>();
        await using var host = await RuntimeHost.CreateAsync(services: WithPlugins(sink, o => (o.ListenerMaxAttempts, o.ListenerRetryDelay) = (2, TimeSpan.FromSeconds(10))));
        var delivery = host.Get<PluginEventDelivery>();
        var store = host.Get<IPluginDeliveryStore>();
        await store.RecordAsync(Event("e1"), [new("Gone", "Gone.Listener")]);

        var first = await delivery.DeliverDueAsync();
        var waiting = Assert.Single(await store.FindAsync("e1"));
        host.Clock.Advance(TimeSpan.FromSeconds(9));
        var tooEarly = await delivery.DeliverDueAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var last = await delivery.DeliverDueAsync();
        var later = await delivery.DeliverDueAsync();

        Assert.Equal((1, 0, 1, 0), (first, tooEarly, last, later));
        Assert.Equal((1, (DateTimeOffset?)null), (waiting.Attempts, waiting.GaveUpAt));
        var status = Assert.Single(await store.FindAsync("e1"));
        Assert.Equal((2, host.Clock.GetUtcNow()), (status.Attempts, status.GaveUpAt));
        Assert.Equal("PluginLoadException: Plugin Gone is not loaded.", status.LastError);
    }

    [Fact]
    public async Task Delivery_RecordedByTheOutboxOfOneHost_IsMadeByANewHostOnTheSameDatabase()
    {
        // The database outlives both "processes"; the first one is gone (its provider disposed) before the second starts.
        await using var database = await RuntimeHost.CreateAsync();
        var firstSink = new ConcurrentQueue<string>();
        var first = database.ShareDatabase(services: WithPlugins(firstSink));
        DispatchPass pass;
        await using (first)
        {
            first.Get<PluginManager>().LoadAll();
            var won = Event("e1", new Dictionary<string, object?> { ["amount"] = 5000.0 });
            await CommitAsync(first, won, won with { Id = "e2", Name = "LeadCreated" });
            pass = await first.Dispatcher.DispatchPendingAsync();
            // Dispatched again (the outbox delivers at least once): nothing is added.
            await first.Get<PluginEventDelivery>().OnCommittedAsync(won, CancellationToken.None);
        }

        var sink = new ConcurrentQueue<string>();
        await using var restarted = database.ShareDatabase(services: WithPlugins(sink));
        restarted.Get<PluginManager>().LoadAll();
        var delivered = await restarted.Get<PluginEventDelivery>().DeliverDueAsync();
        var store = restarted.Get<IPluginDeliveryStore>();

        Assert.Equal((2, 2), (pass.Claimed, pass.Dispatched));
        Assert.Empty(firstSink);
        Assert.Equal(1, delivered);
        Assert.Equal(["OpportunityWon:e1:5000"], sink);
        Assert.NotNull(Assert.Single(await store.FindAsync("e1")).DeliveredAt);
        Assert.Empty(await store.FindAsync("e2"));
    }

    [Fact]
    public async Task Migrations_MatchTheModel_IncludingPluginDeliveries()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await using var db = await host.OpenDbAsync();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Contains(db.Database.GetAppliedMigrations(), m => m.EndsWith("_PluginDeliveries", StringComparison.Ordinal));
    }

    private static DomainEvent Event(string id, Dictionary<string, object?>? payload = null) =>
        new(id, "OpportunityWon", "opportunity:7", payload ?? new Dictionary<string, object?>(), new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    private static Action<IServiceCollection> WithPlugins(ConcurrentQueue<string> sink, Action<PluginOptions>? configure = null) => services =>
    {
        services.AddSingleton<IPluginHostServices>(new SinkHostServices(sink));
        services.AddSfaFlowPlugins();
        services.Configure<PluginOptions>(o =>
        {
            o.Folder = Path.Combine(AppContext.BaseDirectory, "plugins");
            configure?.Invoke(o);
        });
    };

    /// <summary>Gives the test plugin's listener the sink it writes to.</summary>
    private sealed class SinkHostServices(ConcurrentQueue<string> sink) : IPluginHostServices
    {
        public void AddTo(IServiceCollection pluginServices, IServiceProvider hostServices) => pluginServices.AddSingleton(sink);
    }
}
