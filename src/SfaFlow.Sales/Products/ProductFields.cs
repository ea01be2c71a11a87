namespace SfaFlow.Sales.Products;

/// <summary>What an admin sets on a product.</summary>
public sealed record ProductFields
{
    /// <summary>Unique ("LIC-100").</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? ProductLine { get; init; }

    public decimal Price { get; init; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    public bool IsActive { get; init; } = true;
}
