namespace SfaFlow.Sales.Leads;

/// <summary>A lead as scripts see it (<c>lead</c> in workflow conditions and event payloads): plain values, camelCase names.</summary>
public static class LeadScriptView
{
    public static Dictionary<string, object?> Create(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new Dictionary<string, object?>
        {
            ["id"] = lead.Id,
            ["name"] = lead.Name,
            ["company"] = lead.Company,
            ["email"] = lead.Email,
            ["phone"] = lead.Phone,
            ["source"] = lead.Source,
            ["status"] = lead.Status.ToString(),
            ["score"] = lead.Score,
            ["customerCategoryId"] = lead.CustomerCategoryId,
            ["regionId"] = lead.RegionId,
            ["ownerId"] = lead.OwnerId,
            ["customFields"] = lead.CustomFields.ToDictionary(p => p.Key, p => (object?)p.Value),
        };
    }
}
