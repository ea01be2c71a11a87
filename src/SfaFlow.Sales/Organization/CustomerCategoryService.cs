using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Organization;

/// <summary>Customer segments, changed by admins only; one that leads or accounts carry stays.</summary>
public sealed class CustomerCategoryService(ISalesDatabaseFactory databases)
{
    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<CustomerCategory> CreateAsync(string name, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change customer categories");
        await using var db = await databases.OpenAsync(cancellationToken);
        var category = new CustomerCategory { Name = "" };
        await ApplyAsync(db, category, name, cancellationToken);
        db.CustomerCategories.Add(category);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return category;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<CustomerCategory> UpdateAsync(long id, string name, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change customer categories");
        await using var db = await databases.OpenAsync(cancellationToken);
        var category = await db.CustomerCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("CustomerCategory", id);
        category.CheckVersion(expectedVersion);
        await ApplyAsync(db, category, name, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return category;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    /// <exception cref="RecordInUseException">Leads or accounts carry the category.</exception>
    public async Task DeleteAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("delete customer categories");
        await using var db = await databases.OpenAsync(cancellationToken);
        var category = await db.CustomerCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException("CustomerCategory", id);
        category.CheckVersion(expectedVersion);
        RecordInUseException.ThrowIfReferenced($"Customer category '{category.Name}'", "Give them another category first.",
            (await db.Leads.CountAsync(l => l.CustomerCategoryId == id, cancellationToken), "lead", "leads"),
            (await db.Accounts.CountAsync(a => a.CustomerCategoryId == id, cancellationToken), "account", "accounts"));
        db.CustomerCategories.Remove(category);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyAsync(ISalesDatabase db, CustomerCategory category, string name, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        var violations = new List<RuleViolation>();
        violations.RequireText(trimmed, "name", "A customer category needs a name.");
        violations.Require(trimmed.Length == 0 || !await db.CustomerCategories.AnyAsync(c => c.Id != category.Id && c.Name == trimmed, cancellationToken),
            "name", $"There is a customer category named '{trimmed}' already.");
        violations.ThrowIfAny($"The customer category '{name}' is not valid.");
        category.Name = trimmed;
    }
}
