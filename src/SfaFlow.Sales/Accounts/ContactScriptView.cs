namespace SfaFlow.Sales.Accounts;

/// <summary>A contact as scripts, templates and plugins see it: plain values, camelCase names.</summary>
public static class ContactScriptView
{
    public static Dictionary<string, object?> Create(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new Dictionary<string, object?>
        {
            ["id"] = contact.Id,
            ["accountId"] = contact.AccountId,
            ["firstName"] = contact.FirstName,
            ["lastName"] = contact.LastName,
            ["name"] = $"{contact.FirstName} {contact.LastName}",
            ["title"] = contact.Title,
            ["email"] = contact.Email,
            ["phone"] = contact.Phone,
            ["regionId"] = contact.RegionId,
            ["ownerId"] = contact.OwnerId,
        };
    }
}
