using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Data.Tests.Sales;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Plugins.Sales;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Data.Tests.Plugins;

/// <summary>
/// The SDK's sales services as a plugin gets them (its own provider, built from the host's <see cref="IPluginHostServices"/>),
/// acting for each kind of caller: a user within their scope, a workflow or the plugin itself on every record.
/// </summary>
public sealed class PluginSalesServicesTests
{
    [Fact]
    public async Task Reads_AreThoseOfTheCaller_AUserSeesTheirScope_AWorkflowAndThePluginSeeEverything()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        await using var plugin = PluginProvider(host);

        var byRep = await NamesAsync(plugin, User("rep"), "opportunity");
        var byManager = await NamesAsync(plugin, User("manager"), "opportunity");
        var byWorkflow = await NamesAsync(plugin, new PluginCaller(PluginCallerKind.Workflow, "instance-1"), "opportunity");
        var byPlugin = await NamesAsync(plugin, null, "opportunity");
        var delta = await IdOfAsync(host, "Delta");
        await using var rep = Invocation(plugin, User("rep"));
        var hidden = await rep.ServiceProvider.GetRequiredService<ISalesRecords>().FindAsync(new RecordRef("opportunity", delta));
        await using var manager = Invocation(plugin, User("manager"));
        var seen = await manager.ServiceProvider.GetRequiredService<ISalesRecords>().FindAsync(new RecordRef("opportunity", delta));

        Assert.Equal(["Alpha", "Bravo", "Charlie"], byRep);
        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta", "Echo"], byManager);
        Assert.Equal(byManager, byWorkflow);
        Assert.Equal(byManager, byPlugin);
        Assert.Null(hidden);
        Assert.NotNull(seen);
        Assert.Equal(("Delta", "Prospecting", 4000.0, s.OtherRep.UserId), ((string)seen["name"]!, (string)seen["stage"]!, (double)seen["amount"]!, (long)seen["ownerId"]!));
        Assert.Equal($"opportunity:{delta}", seen.Record.ToString());
    }

    [Fact]
    public async Task Queries_TakeTheListFilters_AndRefuseUnknownOnesAndTypes_NamingThem()
    {
        await using var host = await SalesHost.CreateAsync();
        await Deals.CreateAsync(host);
        await using var plugin = PluginProvider(host);
        await using var call = Invocation(plugin, User("manager"));
        var records = call.ServiceProvider.GetRequiredService<ISalesRecords>();

        var inDollars = await records.QueryAsync("opportunity", new Dictionary<string, string> { ["currency"] = "USD" }).Select(r => r["name"]).ToListAsync();
        var colour = await Assert.ThrowsAsync<ArgumentException>(async () => await records.QueryAsync("opportunity", new Dictionary<string, string> { ["colour"] = "red" }).ToListAsync());
        var widget = await Assert.ThrowsAsync<ArgumentException>(async () => await records.QueryAsync("widget").ToListAsync());
        var products = await records.QueryAsync("Product").Select(r => r["code"]).ToListAsync();

        Assert.Equal(["Charlie"], inDollars);
        Assert.Contains("colour", colour.Message, StringComparison.Ordinal);
        Assert.Contains("'widget' is not a record type", widget.Message, StringComparison.Ordinal);
        Assert.Equal(["LIC", "TRN"], products);
    }

    [Fact]
    public async Task Updates_GoThroughTheRecordsRules_AsTheCaller_AndAreAuditedToThem()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var lead = await host.Get<LeadService>().CreateAsync(new LeadFields { Name = "Ada" }, s.Rep);
        await using var plugin = PluginProvider(host);
        var record = new RecordRef("lead", lead.Id);

        await using (var rep = Invocation(plugin, User("rep")))
        {
            var saved = await rep.ServiceProvider.GetRequiredService<ISalesRecords>().UpdateAsync(record, new Dictionary<string, object?> { ["company"] = "Engines Ltd" });
            Assert.Equal("Engines Ltd", saved["company"]);
            var unknown = await Assert.ThrowsAsync<ArgumentException>(() => rep.ServiceProvider.GetRequiredService<ISalesRecords>().UpdateAsync(record, new Dictionary<string, object?> { ["colour"] = "red" }));
            Assert.Contains("'colour' is not a field of a lead", unknown.Message, StringComparison.Ordinal);
        }

        await using (var other = Invocation(plugin, User("other-rep")))
        {
            await Assert.ThrowsAsync<KeyNotFoundException>(() => other.ServiceProvider.GetRequiredService<ISalesRecords>().UpdateAsync(record, new Dictionary<string, object?> { ["company"] = "Not mine" }));
        }

        await using (var itself = Invocation(plugin, null))
        {
            await itself.ServiceProvider.GetRequiredService<ISalesRecords>().UpdateAsync(record, new Dictionary<string, object?> { ["phone"] = "+49 30 1234567" });
        }

        await using var db = await host.OpenAsync();
        var changes = await db.AuditEntries.Where(a => a.RecordType == "Lead" && a.RecordId == lead.Id && (a.Field == "Company" || a.Field == "Phone"))
            .OrderBy(a => a.Id).Select(a => new { a.Field, a.NewValue, a.ByUserId, a.Reason }).ToListAsync();
        Assert.Equal(["Company", "Phone"], changes.Select(c => c.Field));
        Assert.Equal(("Engines Ltd", (long?)s.Rep.UserId, (string?)null), (changes[0].NewValue, changes[0].ByUserId, changes[0].Reason));
        Assert.Equal(((long?)null, "Plugin Testing"), (changes[1].ByUserId, changes[1].Reason));
        Assert.Equal("Engines Ltd", (await db.Leads.SingleAsync(l => l.Id == lead.Id)).Company);
    }

    [Fact]
    public async Task Tasks_GoToTheRecordOwner_OrTheUserNamed_WithPriorityAndOutcomes_WithinTheCallersScope()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var alpha = new RecordRef("opportunity", await IdOfAsync(host, "Alpha"));
        await using var plugin = PluginProvider(host);

        long forOwner, forOther;
        await using (var workflow = Invocation(plugin, new PluginCaller(PluginCallerKind.Workflow, "instance-1")))
        {
            var tasks = workflow.ServiceProvider.GetRequiredService<IRecordTasks>();
            forOwner = await tasks.CreateAsync(new TaskRequest(alpha, "Call about the renewal") { Priority = "high", Outcomes = ["Renewing", "Not renewing"], DueAt = host.Clock.GetUtcNow().AddDays(2) });
            forOther = await tasks.CreateAsync(new TaskRequest(alpha, "Prepare the demo") { AssigneeUserName = "other-rep" });
            await Assert.ThrowsAsync<KeyNotFoundException>(() => tasks.CreateAsync(new TaskRequest(alpha, "Nobody's") { AssigneeUserName = "ghost" }));
            var urgent = await Assert.ThrowsAsync<ArgumentException>(() => tasks.CreateAsync(new TaskRequest(alpha, "Now!") { Priority = "Critical" }));
            Assert.Contains("Priority 'Critical'", urgent.Message, StringComparison.Ordinal);
        }

        await using (var outsider = Invocation(plugin, User("other-rep")))
        {
            await Assert.ThrowsAsync<KeyNotFoundException>(() => outsider.ServiceProvider.GetRequiredService<IRecordTasks>().CreateAsync(new TaskRequest(alpha, "Poach it")));
        }

        await using var db = await host.OpenAsync();
        var created = await db.Activities.Where(a => a.OpportunityId == alpha.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([forOwner, forOther], created.Select(a => a.Id));
        Assert.Equal((ActivityKind.Task, ActivityStatus.Planned, s.Rep.UserId, TaskPriority.High), (created[0].Kind, created[0].Status, created[0].OwnerId, created[0].Priority));
        Assert.Equal(["Renewing", "Not renewing"], created[0].AllowedOutcomes);
        Assert.Equal((s.OtherRep.UserId, TaskPriority.Normal, (string?)null), (created[1].OwnerId, created[1].Priority, created[1].WorkflowInstanceId));
    }

    private static PluginCaller User(string userName) => new(PluginCallerKind.User, userName);

    /// <summary>A plugin's provider as the loader builds it: the call context and what the host's modules add.</summary>
    private static ServiceProvider PluginProvider(SalesHost host)
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => new PluginCallContext { PluginId = "Testing" });
        foreach (var hostServices in host.Get<IEnumerable<IPluginHostServices>>())
        {
            hostServices.AddTo(services, host.Get<IServiceProvider>());
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>One invocation's scope, acting for <paramref name="caller"/> (null: the plugin itself).</summary>
    private static AsyncServiceScope Invocation(ServiceProvider plugin, PluginCaller? caller)
    {
        var scope = plugin.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PluginCallContext>().Caller = caller;
        return scope;
    }

    private static async Task<List<string>> NamesAsync(ServiceProvider plugin, PluginCaller? caller, string type)
    {
        await using var call = Invocation(plugin, caller);
        return await call.ServiceProvider.GetRequiredService<ISalesRecords>().QueryAsync(type).Select(r => (string)r["name"]!).ToListAsync();
    }

    private static async Task<long> IdOfAsync(SalesHost host, string dealName)
    {
        await using var db = await host.OpenAsync();
        return await db.Opportunities.Where(o => o.Name == dealName).Select(o => o.Id).SingleAsync();
    }
}
