using SfaFlow.Sales.Products;

namespace SfaFlow.Web.Api.Sales.Products;

/// <summary>A product as the API shows it; <see cref="Version"/> is also its ETag.</summary>
public sealed record ProductView(
    long Id, int Version, string Code, string Name, string? ProductLine, decimal Price, string Currency, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProductView From(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new(product.Id, product.Version, product.Code, product.Name, product.ProductLine, product.Price, product.Currency, product.IsActive,
            product.CreatedAt, product.UpdatedAt);
    }
}
