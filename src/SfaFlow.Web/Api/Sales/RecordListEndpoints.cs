using System.Text;
using SfaFlow.Sales.Lists;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Web.Api.Sales;

/// <summary>
/// The list and CSV export of a sales resource, the same for every one (docs/api.md, "Lists, filters and CSV"):
/// <c>?page=&amp;pageSize=&amp;sort=&amp;q=</c> and filters by field name, always within the caller's record scope.
/// </summary>
internal static class RecordListEndpoints
{
    public static RouteGroupBuilder MapList<T, TView>(this RouteGroupBuilder group, RecordList<T> list, Func<T, TView> view, string name)
        where T : SfaFlow.Sales.Records.SalesRecord
    {
        group.MapGet("/", async (HttpContext context, SalesCaller caller, RecordLists lists, CancellationToken cancellationToken) =>
            {
                var page = await lists.ListAsync(list, QueryOf(context.Request), caller.Principal, cancellationToken);
                return TypedResults.Ok(new PagedResult<TView>([.. page.Items.Select(view)], page.Total, page.Page, page.PageSize));
            })
            .WithName($"List{name}")
            .WithSummary($"Lists {list.Name} in your scope: paged (page, pageSize up to 500), sorted (sort=field or -field), searched (q) and filtered by field name.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/export", async (HttpContext context, SalesCaller caller, CsvExporter exporter, CancellationToken cancellationToken) =>
            {
                var query = QueryOf(context.Request);
                context.Response.ContentType = "text/csv; charset=utf-8";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{list.Name}.csv\"";
                await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
                await exporter.ExportAsync(list, query, caller.Principal, writer, cancellationToken);
            })
            .WithName($"Export{name}")
            .WithSummary($"Exports {list.Name} in your scope as CSV, every page, filtered and sorted as the list.");
        group.MapGet("/totals", async (HttpContext context, SalesCaller caller, RecordLists lists, CancellationToken cancellationToken) =>
            {
                var query = QueryOf(context.Request);
                var count = await lists.CountAsync(list, query, caller.Principal, cancellationToken);
                var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var field in list.Fields.Where(f => f.Allows(ListFieldUse.Sum)))
                {
                    sums[field.Name] = await lists.SumAsync(list, query, field.Name, caller.Principal, cancellationToken);
                }

                return TypedResults.Ok(new ListTotals(count, sums));
            })
            .WithName($"Total{name}")
            .WithSummary($"Counts {list.Name} in your scope, filtered as the list, and sums their amounts, in the database.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static RecordQuery QueryOf(HttpRequest request) =>
        RecordQuery.FromParameters(request.Query.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
}

/// <summary>How many records a filtered list holds, and the total of each amount it sums (deals: <c>amountInReportingCurrency</c>).</summary>
public sealed record ListTotals(int Count, IReadOnlyDictionary<string, decimal> Sums);
