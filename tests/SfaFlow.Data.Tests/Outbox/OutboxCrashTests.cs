using SfaFlow.Data.Outbox;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;
using static SfaFlow.Data.Tests.Outbox.SalesEvents;

namespace SfaFlow.Data.Tests.Outbox;

/// <summary>
/// A crash between commit and dispatch loses nothing, and redelivery repeats nothing: events committed while no dispatcher
/// ran, claimed by one that died, or dispatched by one that died before marking them, start and resume each instance once.
/// A second host on the same file plays the process that comes after (or runs beside) the crashed one.
/// </summary>
public sealed class OutboxCrashTests
{
    [Fact]
    public async Task EventsCommittedWhileNoDispatcherRan_AreDispatchedOnceByTheNextOne()
    {
        await using var crashed = await RuntimeHost.CreateAsync();
        await PublishAllAsync(crashed);
        var (loops, events) = await CommitScenarioAsync(crashed, 5);

        await using var next = crashed.ShareDatabase();
        var first = await next.Dispatcher.DispatchPendingAsync();
        var second = await next.Dispatcher.DispatchPendingAsync();

        Assert.Equal((10, 10), (first.Claimed, first.Dispatched));
        Assert.Equal(0, second.Claimed);
        await AssertEachReceivedOnceAsync(next, loops, events, next.Lines.Lines);
    }

    [Fact]
    public async Task DispatcherThatDiedAfterClaiming_ItsMessagesAreDispatchedOnceWhenTheClaimExpires()
    {
        await using var crashed = await RuntimeHost.CreateAsync();
        await PublishAllAsync(crashed);
        var (loops, events) = await CommitScenarioAsync(crashed, 5);
        var now = crashed.Clock.GetUtcNow();
        Assert.Equal(10, (await crashed.Get<OutboxStore>().ClaimAsync(now, new Lease("crashed", now.AddMinutes(1)), 100)).Count);

        await using var next = crashed.ShareDatabase();
        var whileClaimed = await next.Dispatcher.DispatchPendingAsync();
        next.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterExpiry = await next.Dispatcher.DispatchPendingAsync();

        Assert.Equal(0, whileClaimed.Claimed);
        Assert.Equal((10, 10), (afterExpiry.Claimed, afterExpiry.Dispatched));
        await AssertEachReceivedOnceAsync(next, loops, events, next.Lines.Lines);
    }

    [Fact]
    public async Task DispatcherThatDiedAfterClaiming_LaterEventsOfTheSameRecordWaitForItsClaim_AndAllGoInOrder()
    {
        await using var crashed = await RuntimeHost.CreateAsync();
        await PublishAllAsync(crashed);
        var loop = await crashed.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:1" });
        await CommitAsync(crashed, StageChanged(crashed, "opp:1", "Proposal"));
        var now = crashed.Clock.GetUtcNow();
        Assert.Single(await crashed.Get<OutboxStore>().ClaimAsync(now, new Lease("crashed", now.AddMinutes(1)), 100));
        await CommitAsync(crashed, StageChanged(crashed, "opp:1", "Negotiation"), LeadCreated(crashed, "Ada", 2));

        await using var next = crashed.ShareDatabase();
        var whileClaimed = await next.Dispatcher.DispatchPendingAsync();
        next.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterExpiry = await next.Dispatcher.DispatchPendingAsync();

        // The other record's event is not held up; the deal's second change waits for its first.
        Assert.Equal((1, 1), (whileClaimed.Claimed, whileClaimed.Dispatched));
        Assert.Equal((2, 2), (afterExpiry.Claimed, afterExpiry.Dispatched));
        Assert.Equal(["started Ada lead:2", $"stage {loop.Id} Proposal", $"stage {loop.Id} Negotiation"], next.Lines.Lines);
    }

    [Fact]
    public async Task DispatcherStoppedMidPass_GivesItsClaimsBackAndTheNextDispatchesEachOnce()
    {
        // One lane at a time, so that the stop comes while exactly one event's workflow runs.
        await using var stopped = await RuntimeHost.CreateAsync(runtime: o => o.MaxConcurrentRuns = 1);
        await PublishAllAsync(stopped);
        var (loops, events) = await CommitScenarioAsync(stopped, 5);

        // The host shuts down while the first event's workflow runs: its start is never committed.
        using var shutdown = new CancellationTokenSource();
        stopped.LineWritten += _ => shutdown.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.Dispatcher.DispatchPendingAsync(shutdown.Token));
        var afterStop = await MessagesAsync(stopped);

        await using var next = stopped.ShareDatabase();
        var pass = await next.Dispatcher.DispatchPendingAsync();

        Assert.Equal(["started Lead 0 lead:0"], stopped.Lines.Lines);
        Assert.All(afterStop, m => Assert.Equal((null, null, 0), (m.ClaimedBy, m.DispatchedAt, m.Attempts)));
        Assert.Equal((10, 10), (pass.Claimed, pass.Dispatched));
        await AssertEachReceivedOnceAsync(next, loops, events, next.Lines.Lines);
    }

    [Theory]
    [InlineData(CommitStrategy.OnSuspend)]
    [InlineData(CommitStrategy.PerActivity)]
    public async Task DispatcherThatDiedAfterDispatchingBeforeMarking_RedeliveryRepeatsNothing(CommitStrategy strategy)
    {
        await using var crashed = await RuntimeHost.CreateAsync(o => o.CommitStrategy = strategy);
        await PublishAllAsync(crashed);
        var (loops, events) = await CommitScenarioAsync(crashed, 5);
        var now = crashed.Clock.GetUtcNow();
        await crashed.Get<OutboxStore>().ClaimAsync(now, new Lease("crashed", now.AddMinutes(1)), 100);
        foreach (var domainEvent in events)
        {
            await DeliverAsync(crashed, domainEvent);
        }

        await using var next = crashed.ShareDatabase(o => o.CommitStrategy = strategy);
        next.Clock.Advance(TimeSpan.FromMinutes(2));
        var redelivered = await next.Dispatcher.DispatchPendingAsync();

        Assert.Equal((10, 10), (redelivered.Claimed, redelivered.Dispatched));
        Assert.Empty(next.Lines.Lines);
        await AssertEachReceivedOnceAsync(next, loops, events, crashed.Lines.Lines);
    }

    [Theory(Timeout = 300_000)]
    [InlineData(CommitStrategy.OnSuspend)]
    [InlineData(CommitStrategy.PerActivity)]
    public async Task TwoDispatchersOnOneDatabase_EachEventStartsAndResumesOnce(CommitStrategy strategy)
    {
        // Short claims, and the second process's clock ahead of the first's: it takes over the first one's claims while the
        // first still works on them, so many events are dispatched by both at once.
        await using var first = await RuntimeHost.CreateAsync(o => o.CommitStrategy = strategy, o => { o.BatchSize = 5; o.ClaimDuration = TimeSpan.FromSeconds(1); });
        await PublishAllAsync(first);
        var (loops, events) = await CommitScenarioAsync(first, 25);
        await using var second = first.ShareDatabase(o => o.CommitStrategy = strategy, o => { o.BatchSize = 5; o.ClaimDuration = TimeSpan.FromSeconds(1); });
        second.Clock.Advance(TimeSpan.FromSeconds(2));

        for (var round = 0; round < 100 && (await MessagesAsync(first)).Any(m => m.DispatchedAt is null); round++)
        {
            await Task.WhenAll(Task.Run(() => first.Dispatcher.DispatchPendingAsync()), Task.Run(() => second.Dispatcher.DispatchPendingAsync()));
        }

        var lines = first.Lines.Lines.Concat(second.Lines.Lines).ToList();
        Assert.All(await MessagesAsync(first), m => Assert.NotNull(m.DispatchedAt));
        await AssertEachReceivedOnceAsync(first, loops, events, lines, startsRanOnceInMemory: false);
    }

    /// <summary>Instances waiting on StageChanged, then a LeadCreated and a StageChanged per instance, committed, not dispatched.</summary>
    private static async Task<(IReadOnlyList<string> Loops, IReadOnlyList<DomainEvent> Events)> CommitScenarioAsync(RuntimeHost host, int count)
    {
        var loops = new List<string>();
        var events = new List<DomainEvent>();
        for (var i = 0; i < count; i++)
        {
            loops.Add((await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = $"opp:{i}" })).Id);
            events.Add(LeadCreated(host, $"Lead {i}", i));
            events.Add(StageChanged(host, $"opp:{i}", "Proposal"));
        }

        await CommitAsync(host, [.. events]);
        return (loops, events);
    }

    /// <summary>
    /// One started instance per LeadCreated, whose history ran once; each waiting instance resumed once (its history and
    /// the lines it wrote). A start repeated by two runtimes at the same moment can run in memory twice before the database
    /// refuses the second; its lines are not counted then.
    /// </summary>
    private static async Task AssertEachReceivedOnceAsync(
        RuntimeHost host, IReadOnlyList<string> loops, IReadOnlyList<DomainEvent> events, IReadOnlyList<string> lines, bool startsRanOnceInMemory = true)
    {
        var leads = events.Where(e => e.Name == "LeadCreated").ToList();
        var started = await InstancesAsync(host, OnLead);
        Assert.Equal(leads.Select(e => e.CorrelationId).Order(), started.Select(i => i.CorrelationId).Order());
        Assert.All(started, instance => Assert.Equal(1, Completions(instance, "say")));
        if (startsRanOnceInMemory)
        {
            Assert.Equal(leads.Select(e => $"started {e.Payload["name"]} {e.CorrelationId}").Order(), lines.Where(l => l.StartsWith("started", StringComparison.Ordinal)).Order());
        }

        foreach (var id in loops)
        {
            Assert.Equal(1, Completions((await host.Instances.FindAsync(id))!.Instance, "say"));
        }

        Assert.Equal(loops.Select(id => $"stage {id} Proposal").Order(), lines.Where(l => l.StartsWith("stage", StringComparison.Ordinal)).Order());
    }
}
