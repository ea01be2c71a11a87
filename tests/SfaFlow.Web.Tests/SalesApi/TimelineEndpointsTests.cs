using System.Net;
using System.Text.Json;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>
/// <c>GET /api/{leads|accounts|contacts|opportunities}/{id}/timeline</c>: the record's activities and tasks only, newest
/// first, paged; 404 for a record outside the caller's scope.
/// </summary>
public sealed class TimelineEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    [Fact]
    public async Task ALeadsTimeline_HoldsItsActivitiesAndTasksOnly_NewestFirst_Paged()
    {
        using var rep = await NewRepAsync();
        var lead = await CreateAsync(rep, "/api/leads", """{"name": "Timeline Lead"}""");
        var otherLead = await CreateAsync(rep, "/api/leads", """{"name": "Another Lead"}""");
        var account = await CreateAsync(rep, "/api/accounts", """{"name": "Timeline Co"}""");
        var call = await PlanAsync(rep, "Call", "First call", "leadId", lead);
        await PlanAsync(rep, "Task", "Not this lead", "leadId", otherLead);
        var task = await PlanAsync(rep, "Task", "Send brochure", "leadId", lead);
        var onAccount = await PlanAsync(rep, "Call", "On the account", "accountId", account);
        var email = await PlanAsync(rep, "Email", "Follow-up mail", "leadId", lead);
        await (await rep.PostJsonAsync($"/api/tasks/{task}/complete", """{"outcome": "Sent"}""")).JsonAsync();

        var whole = await (await rep.GetAsync($"/api/leads/{lead}/timeline")).JsonAsync();
        var first = await (await rep.GetAsync($"/api/leads/{lead}/timeline?page=1&pageSize=2")).JsonAsync();
        var second = await (await rep.GetAsync($"/api/leads/{lead}/timeline?page=2&pageSize=2")).JsonAsync();
        var beyond = await (await rep.GetAsync($"/api/leads/{lead}/timeline?page=3&pageSize=2")).JsonAsync();
        var ofAccount = await (await rep.GetAsync($"/api/accounts/{account}/timeline")).JsonAsync();
        var badPage = await (await rep.GetAsync($"/api/leads/{lead}/timeline?pageSize=0")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([email, task, call], Ids(whole));
        Assert.Equal(["Email", "Task", "Call"], whole.Items().Select(a => a.Text("kind")));
        Assert.Equal("Done", whole.Items().Single(a => a.GetProperty("id").GetInt64() == task).Text("status"));
        Assert.Equal(3, whole.GetProperty("total").GetInt32());
        Assert.Equal([email, task], Ids(first));
        Assert.Equal((3, 1, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()));
        Assert.Equal([call], Ids(second));
        Assert.Equal((3, 2), (second.GetProperty("total").GetInt32(), second.GetProperty("page").GetInt32()));
        Assert.Empty(Ids(beyond));
        Assert.Equal([onAccount], Ids(ofAccount));
        Assert.Equal("pageSize", Assert.Single(badPage.Items("errors")).Text("path"));
    }

    [Fact]
    public async Task ARecordOutsideTheCallersScope_Is404_AndAnAdminSeesItsTimeline()
    {
        using var owner = await NewRepAsync();
        using var stranger = await NewRepAsync();
        var lead = await CreateAsync(owner, "/api/leads", """{"name": "Private Lead"}""");
        var account = await CreateAsync(owner, "/api/accounts", """{"name": "Hopper Co"}""");
        var contact = await CreateAsync(owner, "/api/contacts", $$"""{"firstName": "Grace", "lastName": "Hopper", "accountId": {{account}}}""");
        var call = await PlanAsync(owner, "Call", "Call Grace", "contactId", contact);
        await PlanAsync(owner, "Task", "Qualify", "leadId", lead);

        var hiddenLead = await (await stranger.GetAsync($"/api/leads/{lead}/timeline")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/contacts/{contact}/timeline")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync("/api/accounts/999999/timeline")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync("/api/opportunities/999999/timeline")).ProblemAsync(HttpStatusCode.NotFound);
        var asAdmin = await (await factory.CreateClient(SalesRole.Admin).GetAsync($"/api/contacts/{contact}/timeline")).JsonAsync();

        Assert.Equal($"There is no lead {lead}.", hiddenLead.Text("detail"));
        Assert.Equal([call], Ids(asAdmin));
    }

    private static List<long> Ids(JsonElement page) => [.. page.Items().Select(a => a.GetProperty("id").GetInt64())];

    private async Task<HttpClient> NewRepAsync()
    {
        var name = $"tl-{Guid.NewGuid():N}"[..14];
        await factory.AddSalesUserAsync(name, SalesRole.Rep);
        return SfaFlowApiFactory.WithToken(factory.CreateClient(), await factory.TokenAsync(name, SfaFlowApiFactory.Password));
    }

    private static async Task<long> CreateAsync(HttpClient client, string path, string json) =>
        (await (await client.PostJsonAsync(path, json)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    private static Task<long> PlanAsync(HttpClient client, string kind, string subject, string recordField, long recordId) =>
        CreateAsync(client, "/api/activities-log", $$"""{"kind": "{{kind}}", "subject": "{{subject}}", "{{recordField}}": {{recordId}}}""");
}
