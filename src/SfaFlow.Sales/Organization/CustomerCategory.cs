using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Organization;

/// <summary>A segment of customers (Enterprise, Mid-market, Public sector, ...); leads and accounts carry one.</summary>
public sealed class CustomerCategory : SalesRecord
{
    public required string Name { get; set; }
}
