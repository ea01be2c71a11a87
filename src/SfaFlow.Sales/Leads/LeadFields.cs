namespace SfaFlow.Sales.Leads;

/// <summary>What a person sets on a lead (create and update); status changes go through qualify, disqualify and convert.</summary>
public sealed record LeadFields
{
    public required string Name { get; init; }

    public string? Company { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Source { get; init; }

    public long? CustomerCategoryId { get; init; }

    public long? RegionId { get; init; }

    /// <summary>Defaults to the person creating it.</summary>
    public long? OwnerId { get; init; }

    public int? Score { get; init; }

    public string? ScoreExplanation { get; init; }

    public IReadOnlyDictionary<string, string?>? CustomFields { get; init; }
}

/// <summary>What a converted lead becomes: an existing account or a new one, a contact, and optionally a deal.</summary>
public sealed record LeadConversion
{
    /// <summary>Attach to this account instead of creating one from the lead's company.</summary>
    public long? AccountId { get; init; }

    public bool CreateOpportunity { get; init; } = true;

    public string? OpportunityName { get; init; }

    public decimal Amount { get; init; }

    public string? Currency { get; init; }

    public DateOnly? ExpectedCloseDate { get; init; }

    public long? PipelineId { get; init; }
}

/// <summary>The records a conversion created or used.</summary>
public sealed record LeadConversionResult(Lead Lead, long AccountId, long ContactId, long? OpportunityId);
