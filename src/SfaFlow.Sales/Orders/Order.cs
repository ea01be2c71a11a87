using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Orders;

/// <summary>What a won deal became: the products, quantities and prices agreed.</summary>
public sealed class Order : SalesRecord, IOwnedRecord
{
    public required string Number { get; set; }

    public long AccountId { get; set; }

    public long? OpportunityId { get; set; }

    public OrderStatus Status { get; set; }

    public required string Currency { get; set; }

    public decimal Total { get; set; }

    public DateTimeOffset OrderedAt { get; set; }

    public long OwnerId { get; set; }

    public long? RegionId { get; set; }

    public List<OrderLine> Lines { get; set; } = [];
}
