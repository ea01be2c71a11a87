using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Regions over HTTP: a tree admins shape (no cycles, none deleted while in use) and everyone reads.</summary>
public sealed class RegionEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient(SalesRole.Admin);
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Regions_FormATreeEveryoneReads_WithoutCycles_AndOneWithRegionsBelowStays()
    {
        var emea = await CreateAsync("""{"name": "EMEA"}""");
        var dach = await CreateAsync($$"""{"name": "DACH", "parentId": {{emea}}}""");
        var bavaria = await CreateAsync($$"""{"name": "Bavaria", "parentId": {{dach}}}""");
        var nordics = await CreateAsync($$"""{"name": "Nordics", "parentId": {{emea}}}""");

        var byRep = await _rep.PostJsonAsync("/api/regions", """{"name": "APAC"}""");
        var cycle = await _admin.SendAtVersionAsync(HttpMethod.Put, $"/api/regions/{emea}", $$"""{"name": "EMEA", "parentId": {{bavaria}}}""", "\"1\"");
        var below = await (await _rep.GetAsync($"/api/regions?parentId={emea}")).JsonAsync();
        var tree = await (await _rep.GetAsync("/api/regions/tree")).JsonAsync();
        var inUse = await _admin.SendAtVersionAsync(HttpMethod.Delete, $"/api/regions/{dach}", null, "\"1\"");
        var stale = await _admin.SendAtVersionAsync(HttpMethod.Delete, $"/api/regions/{bavaria}", null, "\"2\"");
        var deleted = await _admin.SendAtVersionAsync(HttpMethod.Delete, $"/api/regions/{bavaria}", null, "\"1\"");

        await byRep.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("parentId", Assert.Single((await cycle.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Items("errors")).Text("path"));
        Assert.Equal(["DACH", "Nordics"], below.Items().Select(r => r.Text("name")));
        var top = Assert.Single(tree.EnumerateArray(), r => r.GetProperty("id").GetInt64() == emea);
        Assert.Equal(["DACH", "Nordics"], top.Items("children").Select(r => r.Text("name")));
        Assert.Equal(["Bavaria"], top.Items("children").First().Items("children").Select(r => r.Text("name")));
        Assert.Contains("1 region below it", (await inUse.ProblemAsync(HttpStatusCode.Conflict)).Text("detail"), StringComparison.Ordinal);
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(emea, (await (await _rep.GetAsync($"/api/regions/{nordics}")).JsonAsync()).GetProperty("parentId").GetInt64());
    }

    private async Task<long> CreateAsync(string json) =>
        (await (await _admin.PostJsonAsync("/api/regions", json)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
}
