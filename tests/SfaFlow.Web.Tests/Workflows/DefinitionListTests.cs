using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Workflows;

/// <summary>Paging, sorting, search and state filters of the definition list, on a database holding only this class's definitions.</summary>
public sealed class DefinitionListTests : IClassFixture<DefinitionListTests.Fixture>
{
    private readonly HttpClient _client;

    public DefinitionListTests(Fixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _client = fixture.Client;
    }

    [Fact]
    public async Task List_PagesSortedByName_WithTheTotal()
    {
        var first = await (await _client.GetAsync("/api/workflow-definitions?pageSize=2&sort=name")).JsonAsync();
        var second = await (await _client.GetAsync("/api/workflow-definitions?page=2&pageSize=2&sort=name")).JsonAsync();
        var descending = await (await _client.GetAsync("/api/workflow-definitions?sort=-name")).JsonAsync();

        Assert.Equal((4, 1, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()));
        Assert.Equal(["Alpha lead", "Beta lead"], first.Items().Select(i => i.Text("name")));
        Assert.Equal(["Delta order", "Gamma lead"], second.Items().Select(i => i.Text("name")));
        Assert.Equal(["Gamma lead", "Delta order", "Beta lead", "Alpha lead"], descending.Items().Select(i => i.Text("name")));
        Assert.False(first.Items().First().TryGetProperty("definition", out _), "List items are summaries, without the definition JSON.");
    }

    [Fact]
    public async Task List_SortsByVersionAndSearchesAndFiltersByState()
    {
        var byVersion = await (await _client.GetAsync("/api/workflow-definitions?sort=-version")).JsonAsync();
        var leads = await (await _client.GetAsync("/api/workflow-definitions?q=lead&sort=name")).JsonAsync();
        var drafts = await (await _client.GetAsync("/api/workflow-definitions?state=Draft")).JsonAsync();
        var published = await (await _client.GetAsync("/api/workflow-definitions?state=published&sort=name")).JsonAsync();

        Assert.Equal(("Beta lead", 2), (byVersion.Items().First().Text("name"), byVersion.Items().First().GetProperty("version").GetInt32()));
        Assert.Equal(["Alpha lead", "Beta lead", "Gamma lead"], leads.Items().Select(i => i.Text("name")));
        Assert.Equal(["Delta order"], drafts.Items().Select(i => i.Text("name")));
        Assert.Equal(3, published.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_WithBadPagingSortOrState_Is400NamingEachParameter()
    {
        var problem = await (await _client.GetAsync("/api/workflow-definitions?page=0&pageSize=501&sort=size&state=Gone")).ProblemAsync(HttpStatusCode.BadRequest);
        var notANumber = await (await _client.GetAsync("/api/workflow-definitions?pageSize=many")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["page", "pageSize", "sort", "state"], problem.Items("errors").Select(e => e.Text("path")));
        Assert.Contains("500", problem.Items("errors").ElementAt(1).Text("message"), StringComparison.Ordinal);
        Assert.Contains("pageSize", notANumber.Text("detail"), StringComparison.Ordinal);
    }

    /// <summary>A host with four definitions: three published leads (Beta has two versions) and a draft order.</summary>
    public sealed class Fixture : IAsyncLifetime, IDisposable
    {
        private readonly SfaFlowApiFactory _factory = new();

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _factory.InitializeAsync();
            Client = _factory.CreateClient(SalesRole.Admin);
            foreach (var (id, name) in new[] { ("gamma", "Gamma lead"), ("alpha", "Alpha lead"), ("beta", "Beta lead") })
            {
                await (await Client.PostJsonAsync("/api/workflow-definitions/import", Definition(id, [Wf.WriteLine("say", name)], name: name))).JsonAsync();
            }

            await (await Client.PostJsonAsync("/api/workflow-definitions/import", Definition("beta", [Wf.WriteLine("say", "changed")], name: "Beta lead"))).JsonAsync();
            await (await Client.PostJsonAsync("/api/workflow-definitions", Definition("delta", [Wf.Start()], name: "Delta order"))).JsonAsync(HttpStatusCode.Created);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            Client.Dispose();
            _factory.Dispose();
        }
    }
}
