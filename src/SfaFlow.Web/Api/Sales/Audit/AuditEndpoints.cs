using SfaFlow.Sales.Auditing;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Web.Api.Sales.Audit;

/// <summary>
/// <c>GET /api/audit</c>: the field-by-field changes of one record (<c>?recordType=Opportunity&amp;recordId=42</c>) for
/// whoever can read that record, or the whole log for admins. Who may read what is <see cref="AuditLog"/>'s rule.
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/audit").WithTags("Audit").WithApiProblems();
        group.MapGet("/", ReadAsync).WithName("ReadAuditLog")
            .WithSummary("A record's changes, newest first (recordType and recordId; 404 when the record is outside your scope), or the whole log for admins (filter by recordType, byUserId, from, to).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ReadAsync(HttpContext context, SalesCaller caller, AuditLog log, CancellationToken cancellationToken)
    {
        var query = AuditQuery.FromParameters(context.Request.Query.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
        var page = await log.ReadAsync(query, caller.Principal, cancellationToken);
        return TypedResults.Ok(new PagedResult<AuditEntryView>([.. page.Items.Select(AuditEntryView.From)], page.Total, page.Page, page.PageSize));
    }
}
