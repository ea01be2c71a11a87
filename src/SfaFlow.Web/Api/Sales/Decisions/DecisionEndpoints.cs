using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Workflows;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Web.Api.Sales.Decisions;

/// <summary>
/// <c>GET /api/leads/{id}/decisions</c> and <c>GET /api/opportunities/{id}/decisions</c>: why a lead was qualified or
/// scored as it was, why a deal was refused a stage, newest first, each rule in plain words with the values it read.
/// Whoever may read the record may read its decisions (404 otherwise).
/// </summary>
public static class DecisionEndpoints
{
    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/leads").WithTags("Leads").WithApiProblems()
            .MapGet("/{id:long}/decisions", (long id, int? page, int? pageSize, SalesCaller caller, DecisionTraces traces, CancellationToken cancellationToken) =>
                ReadAsync(RecordReference.Lead, id, page, pageSize, caller, traces, cancellationToken))
            .WithName("GetLeadDecisions")
            .WithSummary("The lead's qualification and scoring decisions, newest first, rule by rule with the values each read (404 outside your scope).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGroup("/api/opportunities").WithTags("Opportunities").WithApiProblems()
            .MapGet("/{id:long}/decisions", (long id, int? page, int? pageSize, SalesCaller caller, DecisionTraces traces, CancellationToken cancellationToken) =>
                ReadAsync(RecordReference.Opportunity, id, page, pageSize, caller, traces, cancellationToken))
            .WithName("GetOpportunityDecisions")
            .WithSummary("The deal's stage-gate decisions (refused moves, and moves into gated stages), newest first, with the values each gate read (404 outside your scope).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ReadAsync(string recordType, long id, int? page, int? pageSize, SalesCaller caller, DecisionTraces traces, CancellationToken cancellationToken)
    {
        var read = await traces.ReadAsync(recordType, id, page ?? 1, pageSize ?? 50, caller.Principal, cancellationToken);
        return TypedResults.Ok(new PagedResult<DecisionTraceView>([.. read.Items.Select(DecisionTraceView.From)], read.Total, read.Page, read.PageSize));
    }
}
