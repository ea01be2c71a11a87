using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Accounts;

/// <summary>Every change to an account, whoever makes it: validation by field, record scope, versions, and what a deletion may take with it.</summary>
public sealed class AccountService(ISalesDatabaseFactory databases)
{
    public async Task<Account> CreateAsync(AccountFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        return await CreateAsync(db, fields, by, cancellationToken);
    }

    /// <summary>Creates an account in an open unit of work (an import runs every row in one). Nothing is tracked when it is refused.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One service API: callers hold the service, not its type.")]
    public async Task<Account> CreateAsync(ISalesDatabase db, AccountFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(by);
        var account = new Account { Name = "" };
        await ApplyAsync(db, account, fields, by, cancellationToken);
        db.Accounts.Add(account);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    public async Task<Account> UpdateAsync(long id, AccountFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var account = await db.Accounts.FindInScopeAsync(id, by, cancellationToken);
        account.CheckVersion(expectedVersion);
        await ApplyAsync(db, account, fields, by, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>
    /// Deletes an account nothing refers to. Contacts, deals, orders, activities and converted leads keep an account:
    /// deleting it under them would lose history (or cascade silently past the audit log), so the caller is told what to
    /// move first. An account that is no longer a customer is usually better marked <see cref="AccountLifecycle.Former"/>.
    /// </summary>
    /// <exception cref="RecordInUseException">Something refers to the account.</exception>
    public async Task DeleteAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var account = await db.Accounts.FindInScopeAsync(id, by, cancellationToken);
        account.CheckVersion(expectedVersion);
        RecordInUseException.ThrowIfReferenced($"Account '{account.Name}'", "Move or delete them first, or mark the account Former.",
            (await db.Contacts.CountAsync(c => c.AccountId == id, cancellationToken), "contact", "contacts"),
            (await db.Opportunities.CountAsync(o => o.AccountId == id, cancellationToken), "deal", "deals"),
            (await db.Orders.CountAsync(o => o.AccountId == id, cancellationToken), "order", "orders"),
            (await db.Activities.CountAsync(a => a.AccountId == id, cancellationToken), "activity", "activities"),
            (await db.Leads.CountAsync(l => l.ConvertedAccountId == id, cancellationToken), "converted lead", "converted leads"));
        db.Accounts.Remove(account);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyAsync(ISalesDatabase db, Account account, AccountFields fields, SalesPrincipal by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<RuleViolation>();
        var ownerId = fields.OwnerId ?? (account.Id == 0 ? by.UserId : account.OwnerId);
        violations.RequireText(fields.Name, "name", "An account needs a name.");
        violations.Require(Enum.IsDefined(fields.Lifecycle), "lifecycle", $"lifecycle is one of {string.Join(", ", Enum.GetNames<AccountLifecycle>())}.");
        violations.Require(IsWebsite(fields.Website), "website", $"'{fields.Website}' is not a web address (like https://example.com).");
        await violations.ExistsAsync(db.CustomerCategories, fields.CustomerCategoryId, "customerCategoryId", "customer category", cancellationToken);
        await violations.ExistsAsync(db.Regions, fields.RegionId, "regionId", "region", cancellationToken);
        await violations.OwnerAsync(db, ownerId, fields.RegionId, by, "an account", cancellationToken);
        violations.ThrowIfAny($"The account '{fields.Name}' is not valid.");

        account.Name = fields.Name.Trim();
        account.CustomerCategoryId = fields.CustomerCategoryId;
        account.RegionId = fields.RegionId;
        account.OwnerId = ownerId;
        account.Lifecycle = fields.Lifecycle;
        account.Website = FieldRules.Clean(fields.Website);
        account.Phone = FieldRules.Clean(fields.Phone);
        account.City = FieldRules.Clean(fields.City);
        account.Country = FieldRules.Clean(fields.Country);
        account.Industry = FieldRules.Clean(fields.Industry);
    }

    // "example.com" is what people type; it is a web address as much as "https://example.com".
    private static bool IsWebsite(string? website) =>
        string.IsNullOrWhiteSpace(website)
        || (Uri.TryCreate(website.Contains("://", StringComparison.Ordinal) ? website.Trim() : "https://" + website.Trim(), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal));
}
