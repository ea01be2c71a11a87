using SfaFlow.Workflows.Execution;

namespace SfaFlow.Web.Api;

public static class HealthEndpoint
{
    /// <summary><c>GET /health</c>: 200 when the engine is up (the database joins this check with the runtime).</summary>
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (WorkflowEngine engine) => TypedResults.Ok(new HealthReport("Healthy", engine.Activities.All.Count)))
            .WithName("Health")
            .WithSummary("Reports whether the host is up.")
            .AllowAnonymous();
        return endpoints;
    }

    public sealed record HealthReport(string Status, int ActivityTypes);
}
