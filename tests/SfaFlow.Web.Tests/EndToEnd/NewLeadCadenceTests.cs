using System.Net;
using System.Text.Json;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.EndToEnd;

/// <summary>
/// <c>lead-qualification.json</c> and <c>new-lead-cadence.json</c> in the real host, over HTTP, on a fake clock: a new web
/// lead is scored, qualified and given to the rep of its region, who gets the first call; an unanswered first call (day 1)
/// starts the cadence (e-mail day 3, call day 7, e-mail day 14), which a reply or a disqualification ends at once.
/// </summary>
public sealed class NewLeadCadenceTests
{
    private const string Cadence = "new-lead-cadence";
    private const string Email = "ada@example.org";

    [Fact]
    public async Task NewLead_IsAssignedToItsRegionsRep_FirstCallUnanswered_FollowUpOnDay3_ThenItsReplyEndsTheCadence()
    {
        await using var world = await SalesWorld.StartAsync("lead-qualification.json", "new-lead-cadence.json");
        var story = await UnansweredFirstCallAsync(world);
        Assert.Empty(world.Mails());

        world.AdvanceTo(world.BusinessDay(3, 9, 30));
        var followUp = Assert.Single(await world.UntilMailsToAsync(Email, 1));
        Assert.Contains("Subject: Sorry we missed you, Ada Lovelace", followUp, StringComparison.Ordinal);

        var reply = await (await story.Anna.PostJsonAsync($"/api/leads/{story.LeadId}/replies",
            """{"subject": "Re: Sorry we missed you", "body": "Please call me on Thursday.", "receivedAt": null}""")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("Email", "Done", "Replied", story.AnnaId), (reply.Text("kind"), reply.Text("status"), reply.Text("outcome"), reply.GetProperty("ownerId").GetInt64()));

        var ended = await world.UntilInstanceAsync(Cadence, story.Correlation, "Finished");
        var details = await (await world.Admin.GetAsync($"/api/workflow-instances/{ended.Text("id")}")).JsonAsync();
        Assert.Empty(details.Items("bookmarks"));
        var timeline = await (await story.Anna.GetAsync($"/api/leads/{story.LeadId}/timeline")).JsonAsync();
        Assert.Contains(timeline.Items(), a => a.Text("subject") == "Re: Sorry we missed you" && a.Text("outcome") == "Replied");

        // Nothing more comes: the instance has ended and holds no timer or task.
        world.AdvanceTo(world.BusinessDay(14, 12));
        Assert.DoesNotContain(await SalesWorld.MyTasksAsync(story.Anna), t => t.Text("subject") == "Second call");
        Assert.Single(world.MailsTo(Email));
    }

    [Fact]
    public async Task Cadence_WhenNobodyAnswers_CallsOnDay7_AndSendsTheLastEmailOnDay14_ThenEnds()
    {
        await using var world = await SalesWorld.StartAsync("lead-qualification.json", "new-lead-cadence.json");
        var story = await UnansweredFirstCallAsync(world);
        world.AdvanceTo(world.BusinessDay(3, 9, 30));
        await world.UntilMailsToAsync(Email, 1);
        await world.UntilWaitingAtAsync(Cadence, story.Correlation, "day-7");

        world.AdvanceTo(world.BusinessDay(7, 9, 30));
        var secondCall = await world.UntilTaskAsync(story.Anna, "Second call", "leadId", story.LeadId);
        Assert.Equal(["Interested", "Not interested", "No answer"], secondCall.Items("allowedOutcomes").Select(o => o.GetString()));
        Assert.Single(world.MailsTo(Email));
        await world.UntilWaitingAtAsync(Cadence, story.Correlation, "day-14");
        await (await story.Anna.PostJsonAsync($"/api/tasks/{secondCall.GetProperty("id").GetInt64()}/complete", """{"outcome": "No answer"}""")).JsonAsync();

        world.AdvanceTo(world.BusinessDay(14, 9, 30));
        var mails = await world.UntilMailsToAsync(Email, 2);
        Assert.Contains(mails, m => m.Contains("Subject: Shall we stay in touch, Ada Lovelace?", StringComparison.Ordinal));
        await world.UntilInstanceAsync(Cadence, story.Correlation, "Finished");
        Assert.Equal(2, world.MailsTo(Email).Count);
    }

    [Fact]
    public async Task Cadence_ADisqualifiedLead_LeavesAtOnce_AndGetsNoEmail()
    {
        await using var world = await SalesWorld.StartAsync("lead-qualification.json", "new-lead-cadence.json");
        var story = await UnansweredFirstCallAsync(world);

        await (await story.Anna.PostJsonAsync($"/api/leads/{story.LeadId}/disqualify", """{"reason": "No budget this year"}""")).JsonAsync();
        var ended = await world.UntilInstanceAsync(Cadence, story.Correlation, "Finished");

        Assert.Empty((await (await world.Admin.GetAsync($"/api/workflow-instances/{ended.Text("id")}")).JsonAsync()).Items("bookmarks"));
        world.AdvanceTo(world.BusinessDay(3, 12));
        Assert.Empty(world.MailsTo(Email));
    }

    [Fact]
    public async Task LeadReply_IsRefusedOutsideTheCallersScope_AndWhenEmpty()
    {
        await using var world = await SalesWorld.StartAsync();
        var (_, anna) = await world.AddUserAsync("anna");
        var (_, ben) = await world.AddUserAsync("ben");
        var lead = await (await anna.PostJsonAsync("/api/leads", """{"name": "Grace Hopper"}""")).JsonAsync(HttpStatusCode.Created);
        var id = lead.GetProperty("id").GetInt64();

        await (await ben.PostJsonAsync($"/api/leads/{id}/replies", """{"subject": "Hello"}""")).ProblemAsync(HttpStatusCode.NotFound);
        var empty = await (await anna.PostJsonAsync($"/api/leads/{id}/replies", """{"subject": " ", "body": ""}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var future = await (await anna.PostJsonAsync($"/api/leads/{id}/replies",
            JsonSerializer.Serialize(new { subject = "Hello", receivedAt = world.Clock.GetUtcNow().AddHours(1) }))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("body", Assert.Single(empty.Items("errors")).Text("path"));
        Assert.Equal("receivedAt", Assert.Single(future.Items("errors")).Text("path"));
        var timeline = await (await anna.GetAsync($"/api/leads/{id}/timeline")).JsonAsync();
        Assert.Equal(0, timeline.GetProperty("total").GetInt32());
    }

    /// <summary>
    /// The story up to day 1: regions and reps set up over the API, a good web lead created by the admin for Bavaria, scored,
    /// qualified and given to Anna (Bavaria's rep, not Ben of the Nordics), who finds "First call" in her tasks and
    /// completes it with "No answer"; the cadence then waits for day 3.
    /// </summary>
    private static async Task<LeadStory> UnansweredFirstCallAsync(SalesWorld world)
    {
        var dach = await world.AddRegionAsync("DACH");
        var bavaria = await world.AddRegionAsync("Bavaria", dach);
        var nordics = await world.AddRegionAsync("Nordics");
        var (annaId, anna) = await world.AddUserAsync("anna", SalesRole.Rep, RecordScope.Own, bavaria);
        var (_, ben) = await world.AddUserAsync("ben", SalesRole.Rep, RecordScope.Own, nordics);

        var created = await (await world.Admin.PostJsonAsync("/api/leads", JsonSerializer.Serialize(new
        {
            name = "Ada Lovelace", company = "Analytical Engines", email = Email, source = "Web", regionId = bavaria,
        }))).JsonAsync(HttpStatusCode.Created);
        var leadId = created.GetProperty("id").GetInt64();

        var call = await world.UntilTaskAsync(anna, "First call", "leadId", leadId);
        var lead = await (await anna.GetAsync($"/api/leads/{leadId}")).JsonAsync();
        // fit: 30 (web) + 25 (company) capped at 50; reach: 25 (e-mail).
        Assert.Equal((75, "Qualified", annaId), (lead.GetProperty("score").GetInt32(), lead.Text("status"), lead.GetProperty("ownerId").GetInt64()));
        var decisions = await (await anna.GetAsync($"/api/leads/{leadId}/decisions")).JsonAsync();
        Assert.Equal([("Qualification", "Qualified"), ("Scoring", "Scored")], decisions.Items().Select(d => (d.Text("kind"), d.Text("result"))));
        Assert.Empty(await SalesWorld.MyTasksAsync(ben));

        await (await anna.PostJsonAsync($"/api/tasks/{call.GetProperty("id").GetInt64()}/complete", """{"outcome": "No answer", "note": "Voicemail"}""")).JsonAsync();
        var correlation = $"lead:{leadId}";
        await world.UntilInstanceAsync(Cadence, correlation, "Suspended");
        await world.UntilInstanceAsync("lead-qualification", correlation, "Finished");
        return new LeadStory(leadId, correlation, annaId, anna);
    }

    private sealed record LeadStory(long LeadId, string Correlation, long AnnaId, HttpClient Anna);
}
