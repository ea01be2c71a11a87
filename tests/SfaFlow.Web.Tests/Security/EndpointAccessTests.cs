using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Security;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Security;

/// <summary>
/// Who may call what, over every endpoint the host maps (read from its <see cref="EndpointDataSource"/>, so an endpoint
/// added later is covered without touching these tests).
/// </summary>
public sealed partial class EndpointAccessTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    /// <summary>The endpoints anyone may call; a new public endpoint must be added here on purpose.</summary>
    private static readonly string[] PublicEndpoints =
    [
        "GET /health", "POST /api/auth/token", "POST /api/auth/login", "GET /api/auth/antiforgery",
        "GET /openapi/{documentName}.json", "GET /scalar/{documentName?}", "GET /scalar/favicon.svg", "GET /scalar/scalar.js",
        "GET /scalar/scalar.aspnetcore.js",
    ];

    [Fact]
    public void PublicEndpoints_AreExactlyTheSignInHealthAndApiDescription()
    {
        var anonymous = Endpoints().Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();

        Assert.True(PublicEndpoints.Order(StringComparer.Ordinal).SequenceEqual(anonymous), $"The public endpoints are: {string.Join(", ", anonymous)}.");
    }

    [Fact]
    public async Task EveryOtherEndpoint_WithoutCredentials_Is401Problem()
    {
        using var anonymous = factory.CreateClient();
        var secured = Endpoints().Where(e => !PublicEndpoints.Contains(e.Name)).ToList();
        Assert.True(secured.Count >= 20, $"Only {secured.Count} secured endpoints found.");

        foreach (var (name, method, url, _) in secured)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            var response = await anonymous.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name} answered {(int)response.StatusCode} without credentials.");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        }
    }

    [Fact]
    public async Task PublicEndpoints_AnswerWithoutCredentials()
    {
        using var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/scalar")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/auth/antiforgery")).StatusCode);
    }

    [Theory]
    [InlineData(SalesRole.Rep)]
    [InlineData(SalesRole.Manager)]
    public async Task WorkflowDesignAndOperations_OtherRoles_Are403WithTheReason(SalesRole role)
    {
        using var client = factory.CreateClient(role);
        var guarded = Endpoints().Where(e => e.Policy is Policies.WorkflowDesign or Policies.WorkflowOperations).ToList();
        string[] design = ["CreateWorkflowDefinition", "SaveWorkflowDefinitionDraft", "DeleteWorkflowDefinitionDraft", "PublishWorkflowDefinition", "RetractWorkflowDefinition", "ImportWorkflowDefinitions"];
        Assert.All(design, operation => Assert.Contains(guarded, e => e.Policy == Policies.WorkflowDesign && e.Endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == operation));

        foreach (var (name, method, url, _) in guarded)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.Forbidden);

            Assert.True(problem.Text("detail") == $"This needs the role Admin or Developer; '{SfaFlowApiFactory.UserNameOf(role)}' has the role {role}.", $"{name}: {problem.Text("detail")}");
        }
    }

    [Theory]
    [InlineData(SalesRole.Admin)]
    [InlineData(SalesRole.Developer)]
    public async Task WorkflowDesign_AdminAndDeveloper_CreatePublishRetractAndDelete(SalesRole role)
    {
        using var client = factory.CreateClient(role);
        var id = UniqueId("designed");

        await (await client.PostJsonAsync("/api/workflow-definitions", Definition(id, [Wf.Start()]))).JsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"/api/workflow-definitions/{id}/publish")).JsonAsync();
        await (await client.PostJsonAsync($"/api/workflow-definitions/{id}/execute", "{}")).JsonAsync();
        await (await client.PostJsonAsync($"/api/workflow-definitions/{id}/retract")).JsonAsync();
        await (await client.PutJsonAsync($"/api/workflow-definitions/{id}", Definition(id, [Wf.WriteLine("say", "v2")]))).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/workflow-definitions/{id}")).StatusCode);
    }

    [Fact]
    public async Task Reading_AnySignedInRole_MayReadDefinitionsAndActivities()
    {
        using var admin = factory.CreateClient(SalesRole.Admin);
        var id = UniqueId("readable");
        await (await admin.PostJsonAsync("/api/workflow-definitions/import", Definition(id, [Wf.Start()]))).JsonAsync();

        foreach (var role in Enum.GetValues<SalesRole>())
        {
            using var client = factory.CreateClient(role);
            await (await client.GetAsync($"/api/workflow-definitions/{id}")).JsonAsync();
            await (await client.GetAsync($"/api/workflow-definitions/{id}/export")).JsonAsync();
            await (await client.GetAsync("/api/activities")).JsonAsync();
        }
    }

    private sealed record Mapped(string Name, string Method, string Url, string? Policy)
    {
        public RouteEndpoint Endpoint { get; init; } = null!;
    }

    private IEnumerable<Mapped> Endpoints() =>
        factory.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(endpoint =>
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            return methods.Select(method => new Mapped($"{method} {pattern}", method, RouteValue().Replace(pattern, "x"), policy) { Endpoint = endpoint });
        });

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
