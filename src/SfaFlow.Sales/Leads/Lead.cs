using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Leads;

/// <summary>A prospective customer not yet qualified: a person at a company, where they came from, and how good they look.</summary>
public sealed class Lead : SalesRecord, IOwnedRecord
{
    public required string Name { get; set; }

    public string? Company { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>Where the lead came from (web form, trade fair, referral, ...).</summary>
    public string? Source { get; set; }

    public LeadStatus Status { get; set; }

    public int? Score { get; set; }

    /// <summary>Why the score is what it is, rule by rule, in plain words.</summary>
    public string? ScoreExplanation { get; set; }

    public long? CustomerCategoryId { get; set; }

    public long? RegionId { get; set; }

    public long OwnerId { get; set; }

    /// <summary>Fields an organization adds without a schema change, by name.</summary>
    public Dictionary<string, string?> CustomFields { get; set; } = [];

    public string? DisqualifiedReason { get; set; }

    /// <summary>What conversion made of the lead (set when <see cref="Status"/> is Converted).</summary>
    public long? ConvertedAccountId { get; set; }

    public long? ConvertedContactId { get; set; }

    public long? ConvertedOpportunityId { get; set; }

    public DateTimeOffset? ConvertedAt { get; set; }
}
