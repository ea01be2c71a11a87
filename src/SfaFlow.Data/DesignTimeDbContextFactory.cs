using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SfaFlow.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SfaFlowDbContext>
{
    public SfaFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SfaFlowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
