using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Instances;
using ActivityStatus = SfaFlow.Sales.Activities.ActivityStatus;

namespace SfaFlow.Data.Tests.SampleWorkflows;

/// <summary><c>workflows/lead-qualification.json</c>: a new lead is scored, qualified, given to a rep of its region and called.</summary>
public sealed class LeadQualificationSampleTests
{
    private const string File = "lead-qualification.json";

    [Fact]
    public async Task AGoodWebLead_IsScoredQualifiedGivenToTheRepOfItsRegion_WhoGetsAFirstCallDueTheNextBusinessDay()
    {
        await using var world = await SampleWorld.CreateAsync(File);
        var (s, host) = (world.Scenario, world.Host);
        var bavaria = await AddRegionsAsync(world);
        var anna = await host.AddUserAsync("anna", SalesRole.Rep, RecordScope.Own, null, bavaria.Id);

        var lead = await host.Get<LeadService>().CreateAsync(
            new LeadFields { Name = "Ada Lovelace", Company = "Analytical Engines", Email = "ada@example.org", Source = "Web", RegionId = bavaria.Id }, s.Rep);
        await world.DispatchAsync();

        await using (var db = await host.OpenAsync())
        {
            var scored = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id);
            // fit: 30 (web) + 25 (company) capped at 50; reach: 25 (e-mail).
            Assert.Equal((75, LeadStatus.Qualified, anna.Id), (scored.Score, scored.Status, scored.OwnerId));
            Assert.Contains("Rule 'From the web' gave 30 points", scored.ScoreExplanation, StringComparison.Ordinal);
            var traces = await db.DecisionTraces.AsNoTracking().Where(t => t.RecordType == "lead" && t.RecordId == lead.Id).OrderBy(t => t.Id).Select(t => new { t.Kind, t.Result }).ToListAsync();
            Assert.Equal([(DecisionKind.Scoring, "Scored"), (DecisionKind.Qualification, "Qualified")], traces.Select(t => (t.Kind, t.Result)));
        }

        var inbox = await InboxAsync(world, "anna");
        var call = Assert.Single(inbox);
        Assert.Equal(("First call", lead.Id, ActivityKind.Task), (call.Subject, call.LeadId, call.Kind));
        Assert.Equal(["Interested", "Not interested", "No answer"], call.AllowedOutcomes);
        // Created on Friday 27 November 2026, 09:00: due the next business day, Monday, at the same time.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), call.DueAt);
        Assert.Empty(await InboxAsync(world, "rep"));
        Assert.Equal(WorkflowSubStatus.Suspended, Assert.Single(await world.InstancesAsync("lead-qualification")).SubStatus);

        await host.Get<SalesActivityService>().CompleteAsync(call.Id, new ActivityOutcome("Interested", "Wants a demo"), null, await host.PrincipalAsync("anna"));
        await world.DispatchAsync();

        var finished = Assert.Single(await world.InstancesAsync("lead-qualification"));
        Assert.Equal(($"lead:{lead.Id}", WorkflowSubStatus.Finished), (finished.CorrelationId, finished.SubStatus));
        Assert.Empty(await InboxAsync(world, "anna"));
    }

    [Fact]
    public async Task AQualifiedLeadWithoutARegion_StaysWithItsOwner_WhoGetsTheFirstCall()
    {
        await using var world = await SampleWorld.CreateAsync(File);
        var (s, host) = (world.Scenario, world.Host);

        var lead = await host.Get<LeadService>().CreateAsync(
            new LeadFields { Name = "Grace Hopper", Company = "Navy Labs", Phone = "+1 555 0100", Email = "grace@example.org" }, s.Rep);
        await world.DispatchAsync();

        await using (var db = await host.OpenAsync())
        {
            var qualified = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id);
            // fit: 25 (company); reach: 25 + 20 capped at 40.
            Assert.Equal((65, LeadStatus.Qualified, s.Rep.UserId), (qualified.Score, qualified.Status, qualified.OwnerId));
        }

        var call = Assert.Single(await InboxAsync(world, "rep"));
        Assert.Equal(("First call", lead.Id), (call.Subject, call.LeadId));
    }

    [Fact]
    public async Task AWeakLead_IsScoredButNotQualified_AndTheWorkflowEndsWithoutATask()
    {
        await using var world = await SampleWorld.CreateAsync(File);
        var (s, host) = (world.Scenario, world.Host);

        var lead = await host.Get<LeadService>().CreateAsync(new LeadFields { Name = "Someone", Phone = "+44 20 7946 0000", Source = "Phone" }, s.Rep);
        await world.DispatchAsync();

        await using var db = await host.OpenAsync();
        var weak = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id);
        Assert.Equal((20, LeadStatus.New, s.Rep.UserId), (weak.Score, weak.Status, weak.OwnerId));
        Assert.Empty(await db.Activities.AsNoTracking().ToListAsync());
        var trace = await db.DecisionTraces.AsNoTracking().SingleAsync(t => t.RecordType == "lead" && t.RecordId == lead.Id && t.Kind == DecisionKind.Qualification);
        Assert.Equal("NotQualified", trace.Result);
        Assert.Equal(WorkflowSubStatus.Finished, Assert.Single(await world.InstancesAsync("lead-qualification")).SubStatus);
    }

    private static async Task<Region> AddRegionsAsync(SampleWorld world)
    {
        await using var db = await world.Host.OpenAsync();
        var dach = new Region { Name = "DACH" };
        db.Regions.Add(dach);
        await db.SaveChangesAsync();
        var bavaria = new Region { Name = "Bavaria", ParentId = dach.Id };
        db.Regions.Add(bavaria);
        await db.SaveChangesAsync();
        return bavaria;
    }

    /// <summary>The user's planned tasks, as <c>GET /api/tasks/mine</c> selects them.</summary>
    private static async Task<List<SalesActivity>> InboxAsync(SampleWorld world, string userName)
    {
        var me = await world.Host.PrincipalAsync(userName);
        await using var db = await world.Host.OpenAsync();
        return await db.Activities.AsNoTracking().VisibleTo(me)
            .Where(a => a.Kind == ActivityKind.Task && a.Status == ActivityStatus.Planned && a.OwnerId == me.UserId)
            .OrderBy(a => a.Id).ToListAsync();
    }
}
