using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Data.Outbox;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using static SfaFlow.Data.Tests.Outbox.SalesEvents;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Outbox;

/// <summary>The dispatcher hands committed events to the runtime: starts, resumes, in occurrence order, woken by commits.</summary>
public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task Dispatcher_EventThatTriggersAWorkflow_StartsItWithThePayloadAndMarksTheMessage()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await PublishAllAsync(host);
        await CommitAsync(host, LeadCreated(host, "Ada", 42));

        var pass = await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal((1, 1), (pass.Claimed, pass.Dispatched));
        Assert.Equal(["started Ada lead:42"], host.Lines.Lines);
        var started = Assert.Single(await InstancesAsync(host, OnLead));
        Assert.Equal("lead:42", started.CorrelationId);
        var message = Assert.Single(await MessagesAsync(host));
        Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeMilliseconds(), message.DispatchedAt);
        Assert.Equal((1, null, null), (message.Attempts, message.ClaimedBy, message.LastError));
        Assert.Equal(0, (await host.Dispatcher.DispatchPendingAsync()).Claimed);
    }

    [Fact]
    public async Task Dispatcher_EventInstancesWaitOn_ResumesOnlyTheCorrelatedOne()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await PublishAllAsync(host);
        var mine = await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:1" });
        await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:2" });
        await CommitAsync(host, StageChanged(host, "opp:1", "Proposal"));

        await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal([$"stage {mine.Id} Proposal"], host.Lines.Lines);
    }

    [Fact]
    public async Task Dispatcher_EventsCommittedOutOfOrder_AreDispatchedInOccurrenceOrder()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await PublishAllAsync(host);
        var waiting = await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:1" });
        var now = host.Clock.GetUtcNow();
        var later = StageChanged(host, "opp:1", "Negotiation") with { OccurredAt = now.AddSeconds(-1) };
        var earlier = StageChanged(host, "opp:1", "Proposal") with { OccurredAt = now.AddSeconds(-2) };
        await CommitAsync(host, later);
        await CommitAsync(host, earlier);

        await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal([$"stage {waiting.Id} Proposal", $"stage {waiting.Id} Negotiation"], host.Lines.Lines);
    }

    [Fact(Timeout = 600_000)]
    public async Task Dispatcher_Running_IsWokenByACommitWithoutWaitingForThePoll()
    {
        // The fake clock never moves and the poll interval is an hour: only the commit's signal can start a pass.
        await using var host = await RuntimeHost.CreateAsync(outbox: o =>
        {
            o.RunDispatcher = true;
            o.PollInterval = TimeSpan.FromHours(1);
        });
        await PublishAllAsync(host);
        var dispatcher = host.Dispatcher;
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await CommitAsync(host, LeadCreated(host, "Ada", 1));
            await UntilAsync(() => host.Lines.Lines.Count == 1);

            // The first event may have met the startup pass; this one is committed while the dispatcher sleeps, inside a
            // transaction of the caller's, whose commit (not SaveChanges) must wake it.
            await using (var db = await host.OpenDbAsync())
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.AddDomainEvent(LeadCreated(host, "Bo", 2));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            await UntilAsync(() => host.Lines.Lines.Count == 2);
            Assert.Equal(["started Ada lead:1", "started Bo lead:2"], host.Lines.Lines);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task Dispatcher_Running_ARunawayInstanceHoldsUpNoOtherEvent_AndCanBeCancelledWhileItRuns()
    {
        await using var host = await RuntimeHost.CreateAsync(
            runtime: o => o.LongBurstCheckpoint = TimeSpan.FromMilliseconds(50),
            outbox: o => (o.RunDispatcher, o.PollInterval) = (true, TimeSpan.FromHours(1)),
            services: s => s.Configure<WorkflowEngineOptions>(o => (o.MaxActivitiesPerBurst, o.MaxBurstDuration) = (int.MaxValue, TimeSpan.FromMinutes(10))));
        await PublishAllAsync(host);
        await host.PublishAsync(Named("spin", Json(
            [Activity("go", "Elsa.Event", new JsonObject { ["eventName"] = Literal("Spin") }, canStartWorkflow: true), SetVariable("spin", "n", Js("(getVariable('n') ?? 0) + 1"))],
            [Connect("go", "spin"), Connect("spin", "spin")], [Variable("n", "Object")])));
        var dispatcher = host.Dispatcher;
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await CommitAsync(host, DomainEvent.Create("Spin", "lead:1", new Dictionary<string, object?>(), host.Clock.GetUtcNow()));
            var spinning = await Eventually.GetAsync(async () => (await InstancesAsync(host, "spin")).SingleOrDefault());

            await CommitAsync(host, LeadCreated(host, "Bo", 2));
            await UntilAsync(() => host.Lines.Lines.Contains("started Bo lead:2"));

            Assert.False((await host.Instances.FindAsync(spinning.Id))!.Instance.IsFinished);
            Assert.Equal(WorkflowSubStatus.Cancelled, (await host.Runtime.CancelAsync(spinning.Id)).SubStatus);
            await UntilAsync(() => MessagesAsync(host).Result.All(m => m.DispatchedAt is not null));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Prune_RemovesOnlyMessagesDispatchedLongerAgoThanTheRetention()
    {
        await using var host = await RuntimeHost.CreateAsync(outbox: o => o.Retention = TimeSpan.FromDays(1));
        await PublishAllAsync(host);
        var old = LeadCreated(host, "Ada", 1);
        await CommitAsync(host, old);
        await host.Dispatcher.DispatchPendingAsync();
        host.Clock.Advance(TimeSpan.FromHours(20));
        var recent = LeadCreated(host, "Bo", 2);
        await CommitAsync(host, recent);
        await host.Dispatcher.DispatchPendingAsync();
        var pending = LeadCreated(host, "Cy", 3);
        await CommitAsync(host, pending);

        host.Clock.Advance(TimeSpan.FromHours(5));
        var pruned = await host.Dispatcher.PruneAsync();

        Assert.Equal(1, pruned);
        Assert.Equal([recent.Id, pending.Id], (await MessagesAsync(host)).Select(m => m.EventId));
    }

    /// <summary>Waits (real time, generously) for the hosted dispatcher to get somewhere; it never measures how fast.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
