using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;

namespace SfaFlow.Data.Sales;

internal sealed class EfSalesDatabaseFactory(IDbContextFactory<SfaFlowDbContext> contexts, TimeProvider clock) : ISalesDatabaseFactory
{
    public async Task<ISalesDatabase> OpenAsync(CancellationToken cancellationToken = default) =>
        new EfSalesDatabase(await contexts.CreateDbContextAsync(cancellationToken), clock);
}
