using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Tests;

public sealed class HostTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(SalesRole.Admin);

    [Fact]
    public async Task Health_AnswersHealthy()
    {
        var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Activities_ListsTheBuiltInsWithTheirInputsAndPorts()
    {
        var catalog = await _client.GetFromJsonAsync<JsonElement>(new Uri("/api/activities", UriKind.Relative));

        var decision = catalog.EnumerateArray().Single(a => a.GetProperty("typeKey").GetString() == "Elsa.FlowDecision");
        Assert.Equal("Branching", decision.GetProperty("category").GetString());
        Assert.Equal(["True", "False"], decision.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        var condition = Assert.Single(decision.GetProperty("inputs").EnumerateArray());
        Assert.Equal(("condition", "Boolean", "JavaScript"), (condition.GetProperty("name").GetString(), condition.GetProperty("typeName").GetString(), condition.GetProperty("defaultSyntax").GetString()));
        Assert.Contains(catalog.EnumerateArray(), a => a.GetProperty("typeKey").GetString() == "Elsa.Event" && a.GetProperty("kind").GetString() == "Trigger");
    }

    [Fact]
    public async Task Activity_UnknownType_IsNotFound()
    {
        var response = await _client.GetAsync(new Uri("/api/activities/Acme.Nothing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheEndpoints()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        string[] expected =
        [
            "/health", "/api/activities", "/api/workflow-definitions", "/api/workflow-definitions/{definitionId}",
            "/api/workflow-definitions/{definitionId}/publish", "/api/workflow-definitions/{definitionId}/retract",
            "/api/workflow-definitions/{definitionId}/versions", "/api/workflow-definitions/{definitionId}/export",
            "/api/workflow-definitions/import", "/api/workflow-definitions/{definitionId}/execute", "/api/workflow-instances",
            "/api/workflow-instances/{id}", "/api/workflow-instances/{id}/cancel", "/api/workflow-instances/{id}/retry",
            "/api/workflow-instances/bookmarks/{bookmarkId}/resume", "/api/events/{name}",
        ];
        Assert.All(expected, path => Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document."));
        var publish = paths["/api/workflow-definitions/{definitionId}/publish"].GetProperty("post");
        Assert.Equal("PublishWorkflowDefinition", publish.GetProperty("operationId").GetString());
        Assert.True(publish.GetProperty("responses").TryGetProperty("422", out _));
        var import = paths["/api/workflow-definitions/import"].GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.Equal(["application/json", "application/zip"], import.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["delete", "get", "put"],
            paths["/api/workflow-definitions/{definitionId}"].EnumerateObject().Select(o => o.Name).Where(n => n is "get" or "put" or "delete").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenApi_DescribesBearerTokensAndTheSignInBodies()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        var login = document.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.Equal(["application/json", "application/x-www-form-urlencoded"], login.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        var token = document.GetProperty("paths").GetProperty("/api/auth/token").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.Equal(["application/json"], token.EnumerateObject().Select(c => c.Name));
    }
}
