using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Records;

namespace SfaFlow.Web.Api.Sales.Orders;

/// <summary>
/// <c>/api/orders</c>: read only, within the caller's record scope. An order is made by winning a deal
/// (<c>POST /api/opportunities/{id}/win</c>), never posted on its own, so that every order has the deal that explains it.
/// </summary>
public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/orders").WithTags("Orders").WithApiProblems();
        group.MapList(SalesLists.Orders, OrderView.From, "Orders");
        group.MapGet("/{id:long}", GetAsync).WithName("GetOrder").WithSummary("Reads an order in your scope with its lines (404 otherwise); its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, ISalesDatabaseFactory databases, HttpContext context, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines.OrderBy(l => l.Id)).FindInScopeAsync(id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(OrderView.From(order), order, context);
    }
}
