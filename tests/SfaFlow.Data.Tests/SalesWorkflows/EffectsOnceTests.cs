using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Leads;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Data.Tests.SalesWorkflows;

/// <summary>
/// A host that dies after a new instance's activities ran but before the instance was committed makes the event be
/// delivered again, and the run repeated from the start. Every record effect was committed once, with its execution's
/// key: the repeat finds the keys and does nothing twice.
/// </summary>
public sealed class EffectsOnceTests
{
    [Fact]
    public async Task ARunRepeatedAfterAHostDiedBeforeTheInstancesFirstCommit_LogsScoresAssignsAndPlansOnce()
    {
        var crash = new CrashingInstanceStore.Switch();
        await using var host = await SalesHost.CreateAsync(services => services.AddSingleton<IWorkflowInstanceStore>(provider =>
            new CrashingInstanceStore(ActivatorUtilities.CreateInstance<SfaFlow.Data.Workflows.SqlWorkflowInstanceStore>(provider), crash)));
        var world = new TriggerWorld(host);
        var rep = await host.AddUserAsync("rep");
        var other = await host.AddUserAsync("other");
        await world.PublishAsync("welcome",
            [Wf.Activity("created", "Sfa.LeadCreated", [], canStartWorkflow: true),
             Wf.Activity("log", "Sfa.LogActivity", new JsonObject { ["kind"] = Wf.Literal("Call"), ["subject"] = Wf.Literal("Intro call") }),
             Wf.Activity("score", "Sfa.ScoreLead", new JsonObject { ["rules"] = Wf.ObjectJson("""[{"name": "Any", "condition": "true", "points": 30}]""") }),
             Wf.Activity("assign", "Sfa.AssignOwner", new JsonObject { ["assignBy"] = Wf.Literal("RoundRobin") }),
             Wf.Activity("task", "Sfa.CreateTask", new JsonObject { ["subject"] = Wf.Literal("Call back") })],
            [Wf.Connect("created", "log"), Wf.Connect("log", "score"), Wf.Connect("score", "assign"), Wf.Connect("assign", "task")]);
        // Other's lead, which the round-robin gives to the first rep of the pool: an owner change to audit once.
        var lead = await host.Get<LeadService>().CreateAsync(new LeadFields { Name = "Ada" }, await host.PrincipalAsync("other"));

        crash.Armed = true;
        await Assert.ThrowsAsync<HostDiedException>(world.DispatchAsync);
        await world.DispatchAsync();

        await using var db = await host.OpenAsync();
        Assert.Single(await db.Activities.Where(a => a.LeadId == lead.Id && a.Subject == "Intro call").ToListAsync());
        Assert.Single(await db.DecisionTraces.Where(t => t.RecordId == lead.Id).ToListAsync());
        var task = Assert.Single(await db.Activities.Where(a => a.LeadId == lead.Id && a.Subject == "Call back").ToListAsync());
        var stored = await db.Leads.SingleAsync(l => l.Id == lead.Id);
        Assert.Equal((30, rep.Id, rep.Id), (stored.Score, stored.OwnerId, task.OwnerId));
        Assert.Equal(rep.Id, (await db.AssignmentCursors.SingleAsync()).LastUserId);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.RecordId == lead.Id && e.Field == "OwnerId"));
        var instance = Assert.Single(await world.InstancesAsync("welcome"));
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
        Assert.Equal(task.WorkflowBookmarkId, Assert.Single(instance.Bookmarks, b => b.Name == "Sfa.Task").Id);
        Assert.Equal(4, await db.WorkflowEffects.CountAsync(e => e.InstanceId == instance.Id));
    }

    /// <summary>An instance store whose next insert dies with its host, once armed: the burst ran, nothing of the instance was committed.</summary>
    private sealed class CrashingInstanceStore(IWorkflowInstanceStore inner, CrashingInstanceStore.Switch crash) : IWorkflowInstanceStore
    {
        public sealed class Switch
        {
            public bool Armed { get; set; }
        }

        public Task<bool> InsertAsync(WorkflowInstance instance, Lease? lease, TriggerOccurrence? occurrence, string? eventId = null, CancellationToken cancellationToken = default)
        {
            if (crash.Armed)
            {
                crash.Armed = false;
                throw new HostDiedException();
            }

            return inner.InsertAsync(instance, lease, occurrence, eventId, cancellationToken);
        }

        public Task<StoredInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default) => inner.FindAsync(instanceId, cancellationToken);

        public Task<PagedResult<InstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

        public Task<InstanceClaim> TryClaimAsync(string instanceId, Lease lease, RuntimeStimulus? stimulus, CancellationToken cancellationToken = default) =>
            inner.TryClaimAsync(instanceId, lease, stimulus, cancellationToken);

        public Task<bool> SaveAsync(WorkflowInstance instance, Lease lease, bool release, string? eventId = null, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(instance, lease, release, eventId, cancellationToken);

        public Task<bool> HasReceivedAsync(string eventId, string instanceId, CancellationToken cancellationToken = default) => inner.HasReceivedAsync(eventId, instanceId, cancellationToken);

        public Task<bool> RenewLeaseAsync(string instanceId, Lease lease, CancellationToken cancellationToken = default) => inner.RenewLeaseAsync(instanceId, lease, cancellationToken);

        public Task ReleaseAsync(string instanceId, Lease lease, CancellationToken cancellationToken = default) => inner.ReleaseAsync(instanceId, lease, cancellationToken);

        public Task<IReadOnlyList<string>> FindAbandonedAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) => inner.FindAbandonedAsync(now, max, cancellationToken);

        public Task<BookmarkEntry?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default) => inner.FindBookmarkAsync(bookmarkId, cancellationToken);

        public Task<IReadOnlyList<BookmarkEntry>> FindBookmarksAsync(string name, string? key, string? correlationId, CancellationToken cancellationToken = default) =>
            inner.FindBookmarksAsync(name, key, correlationId, cancellationToken);

        public Task<IReadOnlyList<BookmarkEntry>> ClaimDueBookmarksAsync(DateTimeOffset now, Lease claim, int max, CancellationToken cancellationToken = default) =>
            inner.ClaimDueBookmarksAsync(now, claim, max, cancellationToken);

        public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default) => inner.NextDueAtAsync(cancellationToken);

        public Task<bool> TryClaimOccurrenceAsync(TriggerOccurrence occurrence, Lease claim, CancellationToken cancellationToken = default) =>
            inner.TryClaimOccurrenceAsync(occurrence, claim, cancellationToken);

        public Task MarkOccurrenceStartedAsync(TriggerOccurrence occurrence, CancellationToken cancellationToken = default) => inner.MarkOccurrenceStartedAsync(occurrence, cancellationToken);

        public Task<IReadOnlyList<TriggerOccurrence>> FindAbandonedOccurrencesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
            inner.FindAbandonedOccurrencesAsync(now, max, cancellationToken);
    }

    private sealed class HostDiedException() : Exception("The host died before the instance was committed.");
}
