using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Lists and CSV exports over HTTP: the caller's scope, filters and sorting, and a clear 400 for an unknown filter.</summary>
public sealed class LeadListTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task LeadList_IsScopedFilteredAndSorted_ExportsTheSameAsCsv_AndNamesAnUnknownFilter()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { "Beta", "Alpha", "Gamma" })
        {
            await (await _rep.PostJsonAsync("/api/leads", $$"""{"name": "{{name}} {{marker}}", "source": "{{marker}}"}""")).JsonAsync(HttpStatusCode.Created);
        }

        var admin = factory.CreateClient(SalesRole.Admin);
        await (await admin.PostJsonAsync("/api/leads", $$"""{"name": "Admin's {{marker}}", "source": "{{marker}}"}""")).JsonAsync(HttpStatusCode.Created);

        var page = await (await _rep.GetAsync($"/api/leads?source={marker}&sort=name&pageSize=2")).JsonAsync();
        var all = await (await admin.GetAsync($"/api/leads?source={marker}")).JsonAsync();
        var csv = await (await _rep.GetAsync($"/api/leads/export?source={marker}&sort=name")).Content.ReadAsStringAsync();
        var unknown = await (await _rep.GetAsync("/api/leads?colour=red")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal([$"Alpha {marker}", $"Beta {marker}"], page.Items().Select(l => l.Text("name")));
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.Contains($"Gamma {marker}", rows[3], StringComparison.Ordinal);
        Assert.Equal("colour", Assert.Single(unknown.Items("errors")).Text("path"));
    }
}
