using SfaFlow.Sales.Leads;

namespace SfaFlow.Web.Api.Sales.Leads;

/// <summary>A lead as the API shows it; <see cref="Version"/> is also its ETag.</summary>
public sealed record LeadView(
    long Id, int Version, string Name, string? Company, string? Email, string? Phone, string? Source, LeadStatus Status,
    int? Score, string? ScoreExplanation, long? CustomerCategoryId, long? RegionId, long OwnerId,
    IReadOnlyDictionary<string, string?> CustomFields, string? DisqualifiedReason,
    long? ConvertedAccountId, long? ConvertedContactId, long? ConvertedOpportunityId, DateTimeOffset? ConvertedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static LeadView From(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new(lead.Id, lead.Version, lead.Name, lead.Company, lead.Email, lead.Phone, lead.Source, lead.Status, lead.Score,
            lead.ScoreExplanation, lead.CustomerCategoryId, lead.RegionId, lead.OwnerId, lead.CustomFields, lead.DisqualifiedReason,
            lead.ConvertedAccountId, lead.ConvertedContactId, lead.ConvertedOpportunityId, lead.ConvertedAt, lead.CreatedAt, lead.UpdatedAt);
    }
}

/// <summary>The body of qualify and disqualify.</summary>
public sealed record LeadStatusRequest(string? Reason);

/// <summary>What converting a lead made: the lead as it is now, and the ids of its account, contact and deal.</summary>
public sealed record LeadConversionView(LeadView Lead, long AccountId, long ContactId, long? OpportunityId);
