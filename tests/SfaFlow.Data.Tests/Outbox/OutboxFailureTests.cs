using SfaFlow.Data.Outbox;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;
using static SfaFlow.Data.Tests.Outbox.SalesEvents;

namespace SfaFlow.Data.Tests.Outbox;

/// <summary>
/// A message that fails is retried with backoff, recorded, given up in the end, and never holds up other records' messages;
/// the later messages of its own record wait for it, so that a record's events reach workflows in the order they happened.
/// </summary>
public sealed class OutboxFailureTests
{
    [Fact]
    public async Task Dispatcher_MessageThatFails_IsRetriedWithBackoffAndDoesNotHoldUpLaterOnes()
    {
        // Another runtime holds the waiting instance (it hangs): resuming it stays busy, so its event fails for a while.
        await using var host = await RuntimeHost.CreateAsync(o => o.BusyWait = TimeSpan.FromMilliseconds(50), o => o.RetryDelay = TimeSpan.FromSeconds(10));
        await PublishAllAsync(host);
        var waiting = await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:1" });
        var hung = new Lease("hung-runtime", host.Clock.GetUtcNow().AddHours(1));
        Assert.Equal(ClaimStatus.Claimed, (await host.Instances.TryClaimAsync(waiting.Id, hung, stimulus: null)).Status);
        var blocked = StageChanged(host, "opp:1", "Proposal");
        var after = LeadCreated(host, "Ada", 2);
        await CommitAsync(host, blocked, after);

        var first = await host.Dispatcher.DispatchPendingAsync();
        var failed = (await MessagesAsync(host))[0];

        Assert.Equal((2, 1), (first.Claimed, first.Dispatched));
        Assert.Equal(["started Ada lead:2"], host.Lines.Lines);
        Assert.Equal((blocked.Id, 1, null, null), (failed.EventId, failed.Attempts, failed.DispatchedAt, failed.ClaimedBy));
        Assert.Contains(waiting.Id, failed.LastError, StringComparison.Ordinal);
        Assert.Equal(host.Clock.GetUtcNow().AddSeconds(10).ToUnixTimeMilliseconds(), failed.NextAttemptAt);

        // Not before the backoff; then again, and the next wait is twice as long.
        Assert.Equal(0, (await host.Dispatcher.DispatchPendingAsync()).Claimed);
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal((1, 0), await PassAsync(host));
        Assert.Equal(host.Clock.GetUtcNow().AddSeconds(20).ToUnixTimeMilliseconds(), (await MessagesAsync(host))[0].NextAttemptAt);
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, (await host.Dispatcher.DispatchPendingAsync()).Claimed);

        // The hung runtime lets go: the next attempt resumes the instance, once.
        await host.Instances.ReleaseAsync(waiting.Id, hung);
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal((1, 1), await PassAsync(host));
        Assert.Equal(["started Ada lead:2", $"stage {waiting.Id} Proposal"], host.Lines.Lines);
        var dispatched = (await MessagesAsync(host))[0];
        Assert.Equal(3, dispatched.Attempts);
        Assert.NotNull(dispatched.DispatchedAt);
    }

    [Fact]
    public async Task Dispatcher_MessageThatFails_HoldsUpTheLaterMessagesOfItsRecordOnly_ThenAllGoInOrder()
    {
        await using var host = await RuntimeHost.CreateAsync(o => o.BusyWait = TimeSpan.FromMilliseconds(50), o => o.RetryDelay = TimeSpan.FromSeconds(10));
        await PublishAllAsync(host);
        var waiting = await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:1" });
        var hung = new Lease("hung-runtime", host.Clock.GetUtcNow().AddHours(1));
        Assert.Equal(ClaimStatus.Claimed, (await host.Instances.TryClaimAsync(waiting.Id, hung, stimulus: null)).Status);
        await CommitAsync(host, StageChanged(host, "opp:1", "Proposal"), StageChanged(host, "opp:1", "Negotiation"), LeadCreated(host, "Ada", 2));

        var first = await host.Dispatcher.DispatchPendingAsync();
        var afterFirst = await MessagesAsync(host);
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        var retry = await host.Dispatcher.DispatchPendingAsync();
        var heldUp = await host.Dispatcher.DispatchPendingAsync();
        await host.Instances.ReleaseAsync(waiting.Id, hung);
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        var last = await host.Dispatcher.DispatchPendingAsync();

        // Claimed together; the failed one's successor is handed back untried, each time the failed one is retried.
        Assert.Equal((3, 1), (first.Claimed, first.Dispatched));
        Assert.Equal([(1, null), (0, null)], afterFirst.Take(2).Select(m => (m.Attempts, m.ClaimedBy)));
        Assert.Equal((2, 0), (retry.Claimed, retry.Dispatched));
        Assert.Equal(0, heldUp.Claimed);
        Assert.Equal((2, 2), (last.Claimed, last.Dispatched));
        Assert.Equal(["started Ada lead:2", $"stage {waiting.Id} Proposal", $"stage {waiting.Id} Negotiation"], host.Lines.Lines);
    }

    [Fact]
    public async Task Dispatcher_MessageThatNeverSucceeds_IsGivenUpAfterMaxAttempts()
    {
        await using var host = await RuntimeHost.CreateAsync(outbox: o =>
        {
            o.MaxAttempts = 3;
            o.RetryDelay = TimeSpan.FromSeconds(1);
            o.MaxRetryDelay = TimeSpan.FromSeconds(1);
        });
        await PublishAllAsync(host);
        await using (var db = await host.OpenDbAsync())
        {
            // A row whose payload cannot be read (written by hand, or by a broken build): it can never be dispatched.
            db.OutboxMessages.Add(new OutboxMessage { EventId = "broken", Name = "LeadCreated", Payload = "{not json", OccurredAt = 0 });
            await db.SaveChangesAsync();
        }

        await CommitAsync(host, LeadCreated(host, "Ada", 1));

        var passes = new List<(int, int)>();
        for (var i = 0; i < 5; i++)
        {
            passes.Add(await PassAsync(host));
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([(2, 1), (1, 0), (1, 0), (0, 0), (0, 0)], passes);
        Assert.Equal(["started Ada lead:1"], host.Lines.Lines);
        var broken = (await MessagesAsync(host))[0];
        Assert.Equal(3, broken.Attempts);
        Assert.NotNull(broken.GaveUpAt);
        Assert.Null(broken.DispatchedAt);
        Assert.StartsWith("Json", broken.LastError, StringComparison.Ordinal);
    }

    private static async Task<(int Claimed, int Dispatched)> PassAsync(RuntimeHost host)
    {
        var pass = await host.Dispatcher.DispatchPendingAsync();
        return (pass.Claimed, pass.Dispatched);
    }
}
