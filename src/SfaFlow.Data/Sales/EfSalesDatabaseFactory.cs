using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Workflows.Effects;

namespace SfaFlow.Data.Sales;

internal sealed class EfSalesDatabaseFactory(IDbContextFactory<SfaFlowDbContext> contexts, TimeProvider clock) : ISalesDatabaseFactory
{
    /// <summary>A new unit of work, or, while an activity's effect runs (<see cref="SalesUnitOfWork"/>), a view of its one.</summary>
    public async Task<ISalesDatabase> OpenAsync(CancellationToken cancellationToken = default) =>
        SalesUnitOfWork.Current is EfSalesDatabase shared
            ? shared.Join()
            : new EfSalesDatabase(await contexts.CreateDbContextAsync(cancellationToken), clock);
}
