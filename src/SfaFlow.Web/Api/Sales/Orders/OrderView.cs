using SfaFlow.Sales.Orders;

namespace SfaFlow.Web.Api.Sales.Orders;

/// <summary>An order as the API shows it, with its lines when read alone (a list leaves them out: they are not loaded there).</summary>
public sealed record OrderView(
    long Id, int Version, string Number, long AccountId, long? OpportunityId, OrderStatus Status, string Currency, decimal Total,
    DateTimeOffset OrderedAt, long OwnerId, long? RegionId, IReadOnlyList<OrderLineView> Lines, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OrderView From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order.Id, order.Version, order.Number, order.AccountId, order.OpportunityId, order.Status, order.Currency, order.Total,
            order.OrderedAt, order.OwnerId, order.RegionId,
            [.. order.Lines.Select(l => new OrderLineView(l.Id, l.ProductId, l.Quantity, l.UnitPrice, l.DiscountPercent, l.Total))],
            order.CreatedAt, order.UpdatedAt);
    }
}

/// <summary>One product on an order, at the price agreed.</summary>
public sealed record OrderLineView(long Id, long ProductId, decimal Quantity, decimal UnitPrice, decimal DiscountPercent, decimal Total);
