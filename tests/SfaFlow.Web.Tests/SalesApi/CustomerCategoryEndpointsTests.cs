using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Customer categories over HTTP: unique names set by admins, read by everyone, kept while leads carry them.</summary>
public sealed class CustomerCategoryEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient(SalesRole.Admin);
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Category_IsUniqueByName_ChangedByAdminsOnly_AndKeptWhileALeadCarriesIt()
    {
        var created = await _admin.PostJsonAsync("/api/customer-categories", """{"name": "Enterprise"}""");
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await _rep.PostJsonAsync("/api/leads", $$"""{"name": "Big lead", "customerCategoryId": {{id}}}""")).JsonAsync(HttpStatusCode.Created);

        var twin = await (await _admin.PostJsonAsync("/api/customer-categories", """{"name": " Enterprise "}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var byRep = await _rep.PostJsonAsync("/api/customer-categories", """{"name": "Mine"}""");
        var read = await (await _rep.GetAsync($"/api/customer-categories/{id}")).JsonAsync();
        var csv = await (await _rep.GetAsync("/api/customer-categories/export")).Content.ReadAsStringAsync();
        var inUse = await (await _admin.DeleteAsync($"/api/customer-categories/{id}")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal("There is a customer category named 'Enterprise' already.", Assert.Single(twin.Items("errors")).Text("message"));
        await byRep.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Enterprise", read.Text("name"));
        Assert.StartsWith("id,version,name,createdAt,updatedAt", csv, StringComparison.Ordinal);
        Assert.Contains($"{id},1,Enterprise,", csv, StringComparison.Ordinal);
        Assert.Contains("1 lead refers to it", inUse.Text("detail"), StringComparison.Ordinal);
    }
}
