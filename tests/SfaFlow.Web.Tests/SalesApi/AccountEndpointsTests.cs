using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Accounts over HTTP: versions as ETags, validation by field, scope as 404, deletion refused while in use, list and CSV.</summary>
public sealed class AccountEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Account_IsCreatedReadAndChangedAtItsVersion_AStaleIfMatchIs409_AndAnotherRepCannotSeeIt()
    {
        var created = await _rep.PostJsonAsync("/api/accounts", """{"name": "Analytical Engines", "website": "engines.example", "city": "London"}""");
        var account = await created.JsonAsync(HttpStatusCode.Created);
        var id = account.GetProperty("id").GetInt64();

        var read = await _rep.GetAsync($"/api/accounts/{id}");
        var changed = await _rep.SendIfMatchAsync(HttpMethod.Put, $"/api/accounts/{id}", "\"1\"", """{"name": "Analytical Engines Ltd", "lifecycle": "Customer", "city": "London"}""");
        var stale = await _rep.SendIfMatchAsync(HttpMethod.Put, $"/api/accounts/{id}", "\"1\"", """{"name": "Lost update"}""");
        var hidden = await factory.CreateClient(SalesRole.Manager).GetAsync($"/api/accounts/{id}");

        Assert.Equal(($"/api/accounts/{id}", "\"1\""), (created.Headers.Location?.OriginalString, created.Headers.ETag?.Tag));
        Assert.Equal(("Prospect", "engines.example"), (account.Text("lifecycle"), account.Text("website")));
        Assert.Equal(("\"1\"", "Analytical Engines"), (read.Headers.ETag?.Tag, (await read.JsonAsync()).Text("name")));
        var body = await changed.JsonAsync();
        Assert.Equal(("\"2\"", "Analytical Engines Ltd", "Customer", 2), (changed.Headers.ETag?.Tag, body.Text("name"), body.Text("lifecycle"), body.GetProperty("version").GetInt32()));
        Assert.Contains("version 1", (await stale.ProblemAsync(HttpStatusCode.Conflict)).Text("detail"), StringComparison.Ordinal);
        await hidden.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Analytical Engines Ltd", (await (await _rep.GetAsync($"/api/accounts/{id}")).JsonAsync()).Text("name"));
    }

    [Fact]
    public async Task Account_WithInvalidFields_Is422_WithEachFieldNamed()
    {
        var problem = await (await _rep.PostJsonAsync("/api/accounts", """{"name": " ", "website": "nowhere", "regionId": 987654}"""))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["name", "website", "regionId"], problem.Items("errors").Select(e => e.Text("path")));
    }

    [Fact]
    public async Task Account_WithAContact_IsNotDeleted_409_UntilTheContactIsGone_ThenItIs()
    {
        var accountId = (await (await _rep.PostJsonAsync("/api/accounts", """{"name": "Difference Engines"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var contactId = (await (await _rep.PostJsonAsync("/api/contacts", $$"""{"accountId": {{accountId}}, "lastName": "Babbage"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var inUse = await (await _rep.DeleteAsync($"/api/accounts/{accountId}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await _rep.DeleteAsync($"/api/contacts/{contactId}")).StatusCode);
        var stale = await _rep.SendIfMatchAsync(HttpMethod.Delete, $"/api/accounts/{accountId}", "\"2\"");
        var deleted = await _rep.SendIfMatchAsync(HttpMethod.Delete, $"/api/accounts/{accountId}", "\"1\"");

        Assert.Contains("1 contact refers to it", inUse.Text("detail"), StringComparison.Ordinal);
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await _rep.GetAsync($"/api/accounts/{accountId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AccountList_IsFilteredSortedAndPaged_InScope_AndExportsTheSameAsCsv()
    {
        var town = $"Town-{Guid.NewGuid():N}"[..13];
        foreach (var (name, industry) in new[] { ("Beta", "Looms"), ("Alpha", "Engines"), ("Gamma", "Engines") })
        {
            await (await _rep.PostJsonAsync("/api/accounts", $$"""{"name": "{{name}}", "city": "{{town}}", "industry": "{{industry}}"}""")).JsonAsync(HttpStatusCode.Created);
        }

        await (await factory.CreateClient(SalesRole.Manager).PostJsonAsync("/api/accounts", $$"""{"name": "Not yours", "city": "{{town}}"}""")).JsonAsync(HttpStatusCode.Created);

        var page = await (await _rep.GetAsync($"/api/accounts?city={town}&sort=-name&pageSize=2&page=2")).JsonAsync();
        var engines = await (await _rep.GetAsync($"/api/accounts?city={town}&industry=engines")).JsonAsync();
        var export = await _rep.GetAsync($"/api/accounts/export?city={town}&sort=name");
        var rows = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal((3, 2, 2), (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        Assert.Equal(["Alpha"], page.Items().Select(a => a.Text("name")));
        Assert.Equal(["Alpha", "Gamma"], engines.Items().Select(a => a.Text("name")));
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("accounts.csv", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.StartsWith("id,version,name,customerCategoryId,regionId,ownerId,lifecycle,website,phone,city,country,industry,", rows[0], StringComparison.Ordinal);
        Assert.Equal(["Alpha", "Beta", "Gamma"], rows[1..].Select(r => r.Split(',')[2]));
        Assert.All(rows[1..], r => Assert.Contains($",Prospect,,,{town},,", r, StringComparison.Ordinal));
    }
}
