using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Web.Api;

public static class HealthEndpoint
{
    /// <summary><c>GET /health</c>: 200 when the database and the runtime are up.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> (
                WorkflowEngine engine, IDbContextFactory<SfaFlowDbContext> contexts, CancellationToken cancellationToken) =>
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var databaseUp = await db.Database.CanConnectAsync(cancellationToken);
                var report = new HealthReport(databaseUp ? "Healthy" : "Unhealthy", databaseUp ? "Up" : "Unreachable", engine.Activities.All.Count);
                return databaseUp ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("Health")
            .WithSummary("Reports whether the host and its database are up (503 when the database is unreachable).")
            .AllowAnonymous();
        return endpoints;
    }

    public sealed record HealthReport(string Status, string Database, int ActivityTypes);
}
