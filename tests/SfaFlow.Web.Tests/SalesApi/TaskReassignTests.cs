using System.Net;
using SfaFlow.Sales;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>
/// <c>POST /api/tasks/{id}/reassign</c>: a manager gives a planned task to another active user in their scope (audited
/// with the reason); a rep may not; an inactive or out-of-scope assignee, a non-task and a done task are refused.
/// </summary>
public sealed class TaskReassignTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    [Fact]
    public async Task AManager_ReassignsATaskInTheirTeam_AndTheAuditLogKeepsTheReason()
    {
        var team = await TeamAsync();
        var task = await PlanAsync(team.Alice, "Task", "Call back");

        var response = await team.Manager.PostJsonAsync($"/api/tasks/{task}/reassign", $$"""{"userId": {{team.BobId}}, "reason": "Alice is on holiday"}""");
        var reassigned = await response.JsonAsync();
        var audit = await (await team.Manager.GetAsync($"/api/audit?recordType=SalesActivity&recordId={task}")).JsonAsync();

        Assert.Equal(team.BobId, reassigned.GetProperty("ownerId").GetInt64());
        Assert.Equal("Planned", reassigned.Text("status"));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var change = Assert.Single(audit.Items(), e => e.Text("change") == "Updated" && e.Text("field") == "ownerId");
        Assert.Equal((team.AliceId.ToString(System.Globalization.CultureInfo.InvariantCulture), team.BobId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Alice is on holiday", team.ManagerId),
            (change.Text("oldValue"), change.Text("newValue"), change.Text("reason"), change.GetProperty("byUserId").GetInt64()));
        Assert.Equal(team.BobId, (await (await team.Bob.GetAsync($"/api/activities-log/{task}")).JsonAsync()).GetProperty("ownerId").GetInt64());
    }

    [Fact]
    public async Task ARep_IsForbidden_WithTheReason_AndTheTaskKeepsItsOwner()
    {
        var team = await TeamAsync();
        var task = await PlanAsync(team.Alice, "Task", "Call back");

        var forbidden = await (await team.Alice.PostJsonAsync($"/api/tasks/{task}/reassign", $$"""{"userId": {{team.BobId}}}""")).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("Only managers and admins reassign tasks.", forbidden.Text("detail"));
        Assert.Equal(team.AliceId, (await (await team.Alice.GetAsync($"/api/activities-log/{task}")).JsonAsync()).GetProperty("ownerId").GetInt64());
    }

    [Fact]
    public async Task AnInactiveAssignee_OrOneOutsideTheManagersScope_Is422NamingUserId()
    {
        var team = await TeamAsync();
        var task = await PlanAsync(team.Alice, "Task", "Call back");
        var inactive = await factory.AddSalesUserAsync(Unique("gone"), SalesRole.Rep, password: null, active: false);
        await SetTeamAsync(inactive, team.TeamId);
        var outsider = await factory.AddSalesUserAsync(Unique("outsider"), SalesRole.Rep, password: null);

        var toInactive = await (await team.Manager.PostJsonAsync($"/api/tasks/{task}/reassign", $$"""{"userId": {{inactive}}}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var toOutsider = await (await team.Manager.PostJsonAsync($"/api/tasks/{task}/reassign", $$"""{"userId": {{outsider}}}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var toNobody = await (await team.Manager.PostJsonAsync($"/api/tasks/{task}/reassign", "{}")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("userId", Assert.Single(toInactive.Items("errors")).Text("path"));
        Assert.Contains($"no active user {inactive}", Assert.Single(toInactive.Items("errors")).Text("message"), StringComparison.Ordinal);
        Assert.Equal("userId", Assert.Single(toOutsider.Items("errors")).Text("path"));
        Assert.Contains("outside your scope", Assert.Single(toOutsider.Items("errors")).Text("message"), StringComparison.Ordinal);
        Assert.Equal("userId", Assert.Single(toNobody.Items("errors")).Text("path"));
        Assert.Equal(team.AliceId, (await (await team.Alice.GetAsync($"/api/activities-log/{task}")).JsonAsync()).GetProperty("ownerId").GetInt64());
    }

    [Fact]
    public async Task ACallOrADoneTask_Is422()
    {
        var team = await TeamAsync();
        var call = await PlanAsync(team.Alice, "Call", "Just a call");
        var done = await PlanAsync(team.Alice, "Task", "Done already");
        await (await team.Alice.PostJsonAsync($"/api/tasks/{done}/complete", """{"outcome": "Done"}""")).JsonAsync();

        var notATask = await (await team.Manager.PostJsonAsync($"/api/tasks/{call}/reassign", $$"""{"userId": {{team.BobId}}}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var closed = await (await team.Manager.PostJsonAsync($"/api/tasks/{done}/reassign", $$"""{"userId": {{team.BobId}}}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("kind", Assert.Single(notATask.Items("errors")).Text("path"));
        Assert.Equal("status", Assert.Single(closed.Items("errors")).Text("path"));
        Assert.Equal(team.AliceId, (await (await team.Alice.GetAsync($"/api/activities-log/{done}")).JsonAsync()).GetProperty("ownerId").GetInt64());
    }

    private sealed record TeamOfThree(long TeamId, long ManagerId, HttpClient Manager, long AliceId, HttpClient Alice, long BobId, HttpClient Bob);

    /// <summary>A team of its own: a manager seeing the team's records, and two reps.</summary>
    private async Task<TeamOfThree> TeamAsync()
    {
        long teamId;
        await using (var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync())
        {
            var team = new Team { Name = Unique("team") };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            teamId = team.Id;
        }

        var (managerName, aliceName, bobName) = (Unique("mgr"), Unique("alice"), Unique("bob"));
        var managerId = await factory.AddSalesUserAsync(managerName, SalesRole.Manager, RecordScope.Team);
        var aliceId = await factory.AddSalesUserAsync(aliceName, SalesRole.Rep);
        var bobId = await factory.AddSalesUserAsync(bobName, SalesRole.Rep);
        foreach (var id in new[] { managerId, aliceId, bobId })
        {
            await SetTeamAsync(id, teamId);
        }

        return new TeamOfThree(teamId, managerId, await ClientAsync(managerName), aliceId, await ClientAsync(aliceName), bobId, await ClientAsync(bobName));
    }

    private async Task SetTeamAsync(long userId, long teamId)
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        (await db.Users.FindAsync(userId))!.TeamId = teamId;
        await db.SaveChangesAsync();
    }

    private async Task<HttpClient> ClientAsync(string userName) =>
        SfaFlowApiFactory.WithToken(factory.CreateClient(), await factory.TokenAsync(userName, SfaFlowApiFactory.Password));

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static async Task<long> PlanAsync(HttpClient client, string kind, string subject)
    {
        var account = (await (await client.PostJsonAsync("/api/accounts", """{"name": "Reassign Co"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var planned = await (await client.PostJsonAsync("/api/activities-log", $$"""{"kind": "{{kind}}", "subject": "{{subject}}", "accountId": {{account}}}"""))
            .JsonAsync(HttpStatusCode.Created);
        return planned.GetProperty("id").GetInt64();
    }
}
