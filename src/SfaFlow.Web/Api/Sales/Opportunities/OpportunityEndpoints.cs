using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Records;

namespace SfaFlow.Web.Api.Sales.Opportunities;

/// <summary>
/// <c>/api/opportunities</c>: read, create and change deals, move them through stages (gates and pipeline order apply;
/// 422 with every reason when refused), win and lose them, read their stage history. All within the caller's scope.
/// </summary>
public static class OpportunityEndpoints
{
    public static IEndpointRouteBuilder MapOpportunityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/opportunities").WithTags("Opportunities").WithApiProblems();
        group.MapList(SalesLists.Opportunities, OpportunityView.From, "Opportunities");
        group.MapGet("/{id:long}", GetAsync).WithName("GetOpportunity").WithSummary("Reads a deal in your scope (404 otherwise); its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateOpportunity").WithSummary("Creates a deal in a pipeline's first stage (or the stage named); the stage's gate applies.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateOpportunity").WithSummary("Changes a deal's fields (not its stage); If-Match with its ETag for that version only.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/stage", MoveAsync).WithName("MoveOpportunityStage")
            .WithSummary("Moves a deal to another stage; refused (422) with the gate's or the pipeline's reason unless a manager overrides with a reason.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/win", WinAsync).WithName("WinOpportunity").WithSummary("Closes a deal as won and creates its order.");
        group.MapPost("/{id:long}/lose", LoseAsync).WithName("LoseOpportunity").WithSummary("Closes a deal as lost, with the reason and the competitor.");
        group.MapGet("/{id:long}/history", HistoryAsync).WithName("GetOpportunityHistory").WithSummary("The deal's stage changes, oldest first.");
        group.MapGet("/{id:long}/stage-times", StageTimesAsync).WithName("GetOpportunityStageTimes")
            .WithSummary("How long the deal spent in each stage it entered: visits, latest and cumulative time, and the current stay, in pipeline order.");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, ISalesDatabaseFactory databases, HttpContext context, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var deal = await db.Opportunities.AsNoTracking().Include(o => o.Lines).FindInScopeAsync(id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(OpportunityView.From(deal), deal, context);
    }

    private static async Task<IResult> CreateAsync(CreateOpportunityRequest body, SalesCaller caller, OpportunityService deals, HttpContext context, CancellationToken cancellationToken)
    {
        var fields = body.Fields ?? throw new BadHttpRequestException("The body needs the deal's fields: {\"fields\": {\"name\": ..., \"accountId\": ...}, \"pipelineId\": ..., \"stageId\": ...}.");
        var deal = await deals.CreateAsync(fields, new OpportunityStart(body.PipelineId, body.StageId), caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(deal.Version);
        return TypedResults.Created($"/api/opportunities/{deal.Id}", OpportunityView.From(deal));
    }

    private static async Task<IResult> UpdateAsync(long id, OpportunityFields body, SalesCaller caller, OpportunityService deals, HttpContext context, CancellationToken cancellationToken)
    {
        var deal = await deals.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(OpportunityView.From(deal), deal, context);
    }

    private static async Task<IResult> MoveAsync(long id, StageMoveRequest body, SalesCaller caller, OpportunityService deals, HttpContext context, CancellationToken cancellationToken)
    {
        var move = new StageMove(body.StageId, RecordVersions.IfMatch(context.Request), body.OverrideReason, body.LostReason, body.Competitor);
        var deal = await deals.MoveToStageAsync(id, move, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(OpportunityView.From(deal), deal, context);
    }

    private static async Task<IResult> WinAsync(long id, SalesCaller caller, OpportunityService deals, HttpContext context, CancellationToken cancellationToken)
    {
        var deal = await deals.WinAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(OpportunityView.From(deal), deal, context);
    }

    private static async Task<IResult> LoseAsync(long id, LoseRequest body, SalesCaller caller, OpportunityService deals, HttpContext context, CancellationToken cancellationToken)
    {
        var deal = await deals.LoseAsync(id, body.Reason ?? "", body.Competitor, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(OpportunityView.From(deal), deal, context);
    }

    private static async Task<IResult> HistoryAsync(long id, SalesCaller caller, ISalesDatabaseFactory databases, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        await db.Opportunities.AsNoTracking().FindInScopeAsync(id, caller.Principal, cancellationToken);
        var changes = await db.StageChanges.AsNoTracking().Where(c => c.OpportunityId == id).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new StageChangeView(c.Id, c.FromStageId, c.ToStageId, c.At, c.ByUserId, c.Amount, c.Probability, c.ExpectedCloseDate, c.OverrideReason))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(changes);
    }

    private static async Task<IResult> StageTimesAsync(long id, SalesCaller caller, ISalesDatabaseFactory databases, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        await db.Opportunities.AsNoTracking().FindInScopeAsync(id, caller.Principal, cancellationToken);
        var times = await db.StageTimes.AsNoTracking().Where(t => t.OpportunityId == id)
            .Join(db.Stages, t => t.StageId, s => s.Id, (t, s) => new { Time = t, Stage = s.Name, s.Order })
            .OrderBy(t => t.Order)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(times.Select(t => StageTimeView.From(t.Time, t.Stage, now)).ToList());
    }
}
