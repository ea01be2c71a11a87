using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Api.Sales.CustomerCategories;

/// <summary>A customer category as the API shows it.</summary>
public sealed record CustomerCategoryView(long Id, int Version, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CustomerCategoryView From(CustomerCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return new(category.Id, category.Version, category.Name, category.CreatedAt, category.UpdatedAt);
    }
}

/// <summary>The body of a create or change: a category is only its name.</summary>
public sealed record CustomerCategoryRequest(string? Name);
