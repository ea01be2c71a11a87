using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Users over HTTP: admins set role, scope, team and regions; everyone reads them; nobody locks themselves out.</summary>
public sealed class SalesUserEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient(SalesRole.Admin);
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task User_IsSetUpByAnAdmin_ReadByEveryone_AndDeletedOnlyWhileTheyHaveNoHistory()
    {
        var region = (await (await _admin.PostJsonAsync("/api/regions", """{"name": "Iberia"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var body = $$"""{"userName": "grace.h", "displayName": "Grace Hopper", "email": "grace@example.com", "role": "Manager", "scope": "Region", "regionIds": [{{region}}]}""";
        var created = await (await _admin.PostJsonAsync("/api/users", body)).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();

        var byRep = await _rep.PostJsonAsync("/api/users", body.Replace("grace.h", "grace.2", StringComparison.Ordinal));
        var listed = await (await _rep.GetAsync("/api/users?role=Manager&q=grace")).JsonAsync();
        var deactivated = await (await _admin.SendAtVersionAsync(HttpMethod.Put, $"/api/users/{id}", body.Replace("\"scope\"", "\"isActive\": false, \"scope\"", StringComparison.Ordinal), "\"1\"")).JsonAsync();
        var adminId = await AdminIdAsync();
        var lockout = await (await _admin.PutJsonAsync($"/api/users/{adminId}",
            $$"""{"userName": "{{SfaFlowApiFactory.UserNameOf(SalesRole.Admin)}}", "displayName": "Me", "role": "Rep", "scope": "All"}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var withHistory = await (await _admin.DeleteAsync($"/api/users/{adminId}")).ProblemAsync(HttpStatusCode.Conflict);
        var deleted = await _admin.DeleteAsync($"/api/users/{id}");

        Assert.Equal(("Manager", "Region", region), (created.Text("role"), created.Text("scope"), Assert.Single(created.Items("regionIds")).GetInt64()));
        await byRep.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["Grace Hopper"], listed.Items().Select(u => u.Text("displayName")));
        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        Assert.Equal("You cannot take away your own admin role.", Assert.Single(lockout.Items("errors")).Text("message"));
        Assert.Contains("Deactivate them instead", withHistory.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private async Task<long> AdminIdAsync()
    {
        var page = await (await _rep.GetAsync($"/api/users?userName={SfaFlowApiFactory.UserNameOf(SalesRole.Admin)}")).JsonAsync();
        return Assert.Single(page.Items()).GetProperty("id").GetInt64();
    }
}
