using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Leads;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Instances;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Data.Tests.SalesWorkflows;

/// <summary>
/// A workflow that changes what triggers it sets itself off again. Events carry their causation chain, so the cascade stops
/// with an incident naming it: at the causation depth limit for a chain, at the start limit for one original cause.
/// </summary>
public sealed class SelfTriggeringTests
{
    /// <summary>The workflow the issue was found with: lead's source changed, so change the lead's source.</summary>
    private static string SourceLoop() => Wf.Json(
        [Wf.Activity("changed", "Sfa.RecordUpdated", new JsonObject { ["recordType"] = Wf.Literal("Lead"), ["changedFields"] = Wf.Literal("source") }, canStartWorkflow: true),
         Wf.Activity("update", "Sfa.UpdateRecord", new JsonObject { ["fields"] = Wf.ObjectJson("""{"source": {"javascript": "lead.source + '!'"}}""") })],
        [Wf.Connect("changed", "update")]);

    [Fact]
    public async Task ARecordUpdatedTriggerFeedingAnUpdateOfItsField_StopsAtTheCausationDepthLimit_WithAnIncidentNamingTheChain()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        await host.PublishAsync(SourceLoop());
        var (lead, rep) = await LeadAndRepAsync(host);

        await host.Get<LeadService>().UpdateAsync(lead.Id, new LeadFields { Name = lead.Name, Source = "Fair" }, null, rep);
        var passes = await DispatchUntilQuietAsync(host);

        var instances = await InstancesAsync(host);
        Assert.Equal(16, instances.Count(i => i.SubStatus == WorkflowSubStatus.Finished));
        var refused = Assert.Single(instances, i => i.SubStatus == WorkflowSubStatus.Faulted);
        var incident = Assert.Single(refused.Incidents);
        Assert.Equal(IncidentKinds.CausationDepth, incident.Kind);
        Assert.Contains("caused by a chain of 16 workflow runs", incident.Message, StringComparison.Ordinal);
        Assert.Contains($"RecordUpdated (lead:{lead.Id}) -> test #", incident.Message, StringComparison.Ordinal);
        Assert.Equal(17, refused.CausedBy!.Depth);
        await using var db = await host.OpenAsync();
        Assert.Equal("Fair" + new string('!', 16), (await db.Leads.SingleAsync(l => l.Id == lead.Id)).Source);
        Assert.InRange(passes, 1, 40);
    }

    [Fact]
    public async Task ADefinitionStartingTooOftenFromOneCause_IsRefusedWithAnIncident()
    {
        await using var host = await SalesWorkflowHost.CreateAsync(o => (o.MaxCausationDepth, o.MaxStartsPerCause) = (1_000, 5));
        await host.PublishAsync(SourceLoop());
        var (lead, rep) = await LeadAndRepAsync(host);

        await host.Get<LeadService>().UpdateAsync(lead.Id, new LeadFields { Name = lead.Name, Source = "Fair" }, null, rep);
        await DispatchUntilQuietAsync(host);

        var instances = await InstancesAsync(host);
        Assert.Equal(5, instances.Count(i => i.SubStatus == WorkflowSubStatus.Finished));
        var incident = Assert.Single(Assert.Single(instances, i => i.SubStatus == WorkflowSubStatus.Faulted).Incidents);
        Assert.Equal(IncidentKinds.StartRate, incident.Kind);
        Assert.Contains("test started 5 instances from one original cause", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonsEditsAreEachTheirOwnCause_AndStartAsBefore()
    {
        await using var host = await SalesWorkflowHost.CreateAsync(o => o.MaxStartsPerCause = 2);
        await host.PublishAsync(Wf.Json(
            [Wf.Activity("changed", "Sfa.RecordUpdated", new JsonObject { ["recordType"] = Wf.Literal("Lead"), ["changedFields"] = Wf.Literal("source") }, canStartWorkflow: true),
             Wf.WriteLine("say", "changed")],
            [Wf.Connect("changed", "say")]));
        var (lead, rep) = await LeadAndRepAsync(host);

        foreach (var source in new[] { "Fair", "Web", "Referral", "Partner" })
        {
            await host.Get<LeadService>().UpdateAsync(lead.Id, new LeadFields { Name = lead.Name, Source = source }, null, rep);
        }

        await DispatchUntilQuietAsync(host);

        Assert.Equal(4, (await InstancesAsync(host)).Count(i => i.SubStatus == WorkflowSubStatus.Finished));
    }

    private static async Task<(Lead Lead, SfaFlow.Sales.Security.SalesPrincipal Rep)> LeadAndRepAsync(SalesWorkflowHost host)
    {
        var user = await host.AddUserAsync("rep1");
        var lead = await host.AddLeadAsync(user.Id);
        return (lead, await host.PrincipalAsync("rep1"));
    }

    /// <summary>Dispatch passes until one finds nothing to do: the cascade has run its course.</summary>
    private static async Task<int> DispatchUntilQuietAsync(SalesWorkflowHost host)
    {
        for (var pass = 1; pass <= 200; pass++)
        {
            if ((await host.Dispatcher.DispatchPendingAsync()).Claimed == 0)
            {
                return pass;
            }
        }

        throw new InvalidOperationException("The events never stopped: the cascade is not stopped.");
    }

    private static async Task<List<WorkflowInstance>> InstancesAsync(SalesWorkflowHost host)
    {
        var store = host.Get<IWorkflowInstanceStore>();
        var list = new List<WorkflowInstance>();
        foreach (var summary in (await store.ListAsync(new InstanceQuery(PageSize: 500, DefinitionId: "test"))).Items)
        {
            list.Add((await store.FindAsync(summary.Id))!.Instance);
        }

        return list;
    }
}
