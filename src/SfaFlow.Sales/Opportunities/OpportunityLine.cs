namespace SfaFlow.Sales.Opportunities;

/// <summary>A product on a deal: quantity, unit price and discount (percent).</summary>
public sealed class OpportunityLine
{
    public long Id { get; set; }

    public long OpportunityId { get; set; }

    public long ProductId { get; set; }

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal DiscountPercent { get; set; }

    public decimal Total => Math.Round(Quantity * UnitPrice * (1 - DiscountPercent / 100), 2);
}
