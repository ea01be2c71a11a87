using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Organization;

public sealed class Team : SalesRecord
{
    public required string Name { get; set; }

    public long? ManagerId { get; set; }
}
