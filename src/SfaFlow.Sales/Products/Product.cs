using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Products;

/// <summary>Something the organization sells, at a list price.</summary>
public sealed class Product : SalesRecord
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The product line (pipelines and analytics group by it).</summary>
    public string? ProductLine { get; set; }

    public decimal Price { get; set; }

    public required string Currency { get; set; }

    public bool IsActive { get; set; } = true;
}
