namespace SfaFlow.Sales.Accounts;

/// <summary>An account as scripts, templates and plugins see it: plain values, camelCase names.</summary>
public static class AccountScriptView
{
    public static Dictionary<string, object?> Create(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new Dictionary<string, object?>
        {
            ["id"] = account.Id,
            ["name"] = account.Name,
            ["website"] = account.Website,
            ["phone"] = account.Phone,
            ["city"] = account.City,
            ["country"] = account.Country,
            ["industry"] = account.Industry,
            ["lifecycle"] = account.Lifecycle.ToString(),
            ["customerCategoryId"] = account.CustomerCategoryId,
            ["regionId"] = account.RegionId,
            ["ownerId"] = account.OwnerId,
        };
    }
}
