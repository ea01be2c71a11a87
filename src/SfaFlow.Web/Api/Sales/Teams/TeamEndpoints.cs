using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Api.Sales.Teams;

/// <summary>
/// <c>/api/teams</c>: everyone signed in reads teams; only admins change them, through <see cref="TeamService"/>. People
/// join a team through their own user record (<c>PUT /api/users/{id}</c>, <c>teamId</c>).
/// </summary>
public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/teams").WithTags("Teams").WithApiProblems();
        group.MapList(SalesLists.Teams, TeamView.From, "Teams");
        group.MapGet("/{id:long}", GetAsync).WithName("GetTeam").WithSummary("Reads a team; its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateTeam").WithSummary("Creates a team, with an active user as its manager if given (admins only).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateTeam").WithSummary("Renames a team or changes its manager (admins only); If-Match for that version only.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteTeam")
            .WithSummary("Deletes a team without members or pipelines (admins only); 409 says what still refers to it.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, RecordLists lists, HttpContext context, CancellationToken cancellationToken)
    {
        var team = await lists.GetAsync(SalesLists.Teams, id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(TeamView.From(team), team, context);
    }

    private static async Task<IResult> CreateAsync(TeamFields body, SalesCaller caller, TeamService teams, HttpContext context, CancellationToken cancellationToken)
    {
        var team = await teams.CreateAsync(body, caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(team.Version);
        return TypedResults.Created($"/api/teams/{team.Id}", TeamView.From(team));
    }

    private static async Task<IResult> UpdateAsync(long id, TeamFields body, SalesCaller caller, TeamService teams, HttpContext context, CancellationToken cancellationToken)
    {
        var team = await teams.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(TeamView.From(team), team, context);
    }

    private static async Task<IResult> DeleteAsync(long id, SalesCaller caller, TeamService teams, HttpContext context, CancellationToken cancellationToken)
    {
        await teams.DeleteAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.NoContent();
    }
}
