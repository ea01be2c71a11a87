using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Teams over HTTP: admins create and change them (an active manager), everyone reads them, one with members stays.</summary>
public sealed class TeamEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient(SalesRole.Admin);
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Team_WithAManager_IsReadByARep_AndOneWithAMemberIsNotDeleted()
    {
        var managerId = await factory.AddSalesUserAsync($"team-lead-{Guid.NewGuid():N}", SalesRole.Manager, password: null);
        var created = await (await _admin.PostJsonAsync("/api/teams", $$"""{"name": "Field sales", "managerId": {{managerId}}}""")).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        await (await _admin.PostJsonAsync("/api/users", $$"""{"userName": "member-{{id}}", "displayName": "A member", "teamId": {{id}}}""")).JsonAsync(HttpStatusCode.Created);

        var invalid = await (await _admin.PostJsonAsync("/api/teams", """{"name": " ", "managerId": 999999}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var byRep = await _rep.PutJsonAsync($"/api/teams/{id}", """{"name": "Mine now"}""");
        var read = await (await _rep.GetAsync($"/api/teams?managerId={managerId}")).JsonAsync();
        var renamed = await (await _admin.SendAtVersionAsync(HttpMethod.Put, $"/api/teams/{id}", $$"""{"name": "Field sales North", "managerId": {{managerId}}}""", "\"1\"")).JsonAsync();
        var inUse = await (await _admin.DeleteAsync($"/api/teams/{id}")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["name", "managerId"], invalid.Items("errors").Select(e => e.Text("path")));
        await byRep.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["Field sales"], read.Items().Select(t => t.Text("name")));
        Assert.Equal(("Field sales North", 2), (renamed.Text("name"), renamed.GetProperty("version").GetInt32()));
        Assert.Equal("Team 'Field sales North' cannot be deleted: 1 member refers to it. Move them to another team first.", inUse.Text("detail"));
    }
}
