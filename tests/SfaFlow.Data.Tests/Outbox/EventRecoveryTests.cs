using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;
using static SfaFlow.Data.Tests.Outbox.SalesEvents;

namespace SfaFlow.Data.Tests.Outbox;

/// <summary>A runtime that dies while delivering an event: recovery finishes the delivery once, receipt included.</summary>
public sealed class EventRecoveryTests
{
    [Theory]
    [InlineData(CommitStrategy.OnSuspend)]
    [InlineData(CommitStrategy.PerActivity)]
    public async Task Recover_EventResumeInterruptedByACrash_RecordsTheReceipt(CommitStrategy strategy)
    {
        await using var host = await RuntimeHost.CreateAsync(o => o.CommitStrategy = strategy);
        await PublishAllAsync(host);
        var waiting = await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:1" });
        var changed = StageChanged(host, "opp:1", "Proposal");

        // A runtime took the lease to deliver the event, then died before committing anything.
        await ClaimAsDeadRuntimeAsync(host, waiting.Id, waiting.Bookmarks[0].Id, changed.Id, changed.Payload);
        host.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await host.Runtime.RecoverAsync());
        var redelivered = await DeliverAsync(host, changed);

        Assert.Empty(redelivered.Resumed);
        Assert.Equal([$"stage {waiting.Id} Proposal"], host.Lines.Lines);
        Assert.True(await host.Instances.HasReceivedAsync(changed.Id, waiting.Id));
    }

    [Fact]
    public async Task Recover_RedeliveryThatDiedBeforeSeeingTheReceipt_DoesNotResumeTheNewBookmark()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await PublishAllAsync(host);
        var waiting = await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:2" });
        var changed = StageChanged(host, "opp:2", "Proposal");
        await DeliverAsync(host, changed);
        var newBookmark = Assert.Single((await host.Instances.FindAsync(waiting.Id))!.Instance.Bookmarks).Id;

        // A second delivery of the same event took the lease for the loop's new bookmark and died before checking receipts.
        await ClaimAsDeadRuntimeAsync(host, waiting.Id, newBookmark, changed.Id, changed.Payload);
        host.Clock.Advance(TimeSpan.FromSeconds(31));
        await host.Runtime.RecoverAsync();

        Assert.Equal([$"stage {waiting.Id} Proposal"], host.Lines.Lines);
        var stored = (await host.Instances.FindAsync(waiting.Id))!;
        Assert.Equal(newBookmark, Assert.Single(stored.Instance.Bookmarks).Id);
        Assert.Null(stored.Lease);
    }

    private static async Task ClaimAsDeadRuntimeAsync(RuntimeHost host, string instanceId, string bookmarkId, string eventId, object payload)
    {
        var dead = new Lease("dead-runtime", host.Clock.GetUtcNow().AddSeconds(30));
        var stimulus = new RuntimeStimulus(RuntimeStimulus.Resume, bookmarkId, payload) { EventId = eventId };
        Assert.Equal(ClaimStatus.Claimed, (await host.Instances.TryClaimAsync(instanceId, dead, stimulus)).Status);
    }
}
