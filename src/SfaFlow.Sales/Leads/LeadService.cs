using SfaFlow.Plugins.Events;
using SfaFlow.Sales.Events;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Leads;

/// <summary>
/// Every change to a lead, whoever makes it: validation, status changes (qualify, disqualify), and conversion to an
/// account, a contact and a deal in one transaction (<c>LeadService.Conversion.cs</c>).
/// </summary>
public sealed partial class LeadService(ISalesDatabaseFactory databases, Opportunities.OpportunityService opportunities, TimeProvider clock)
{
    public async Task<Lead> CreateAsync(LeadFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        return await CreateAsync(db, fields, by, cancellationToken);
    }

    /// <summary>Creates a lead in an open unit of work (an import runs every row in one). Nothing is tracked when it is refused.</summary>
    public async Task<Lead> CreateAsync(ISalesDatabase db, LeadFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(by);
        var lead = new Lead { Name = "" };
        await ApplyAsync(db, lead, fields, by, cancellationToken);
        db.Leads.Add(lead);
        db.Raise(() => SalesEvents.Lead(SalesEventNames.LeadCreated, lead, clock.GetUtcNow()));
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }

    public async Task<Lead> UpdateAsync(long id, LeadFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var lead = await db.Leads.FindInScopeAsync(id, by, cancellationToken);
        lead.CheckVersion(expectedVersion);
        RequireOpen(lead, "changed");
        await ApplyAsync(db, lead, fields, by, cancellationToken);
        if (lead.Status == LeadStatus.New)
        {
            lead.Status = LeadStatus.Working;
        }

        db.Raise(() => SalesEvents.Lead(SalesEventNames.LeadUpdated, lead, clock.GetUtcNow()));
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }

    /// <summary>Marks a lead qualified (ready to convert); the reason lands in the audit log.</summary>
    public Task<Lead> QualifyAsync(long id, string? reason, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default) =>
        SetStatusAsync(id, LeadStatus.Qualified, reason, expectedVersion, by, cancellationToken);

    public Task<Lead> DisqualifyAsync(long id, string reason, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new RuleViolationException("reason", "Disqualifying a lead needs a reason.")
            : SetStatusAsync(id, LeadStatus.Disqualified, reason, expectedVersion, by, cancellationToken);

    private async Task<Lead> SetStatusAsync(long id, LeadStatus status, string? reason, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var lead = await db.Leads.FindInScopeAsync(id, by, cancellationToken);
        lead.CheckVersion(expectedVersion);
        RequireOpen(lead, status.ToString().ToLowerInvariant());
        lead.Status = status;
        lead.DisqualifiedReason = status == LeadStatus.Disqualified ? reason!.Trim() : null;
        db.Raise(() => SalesEvents.Lead(status == LeadStatus.Qualified ? SalesEventNames.LeadQualified : SalesEventNames.LeadDisqualified, lead, clock.GetUtcNow()));
        db.Actor = by.ToActor(reason);
        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }

    private static void RequireOpen(Lead lead, string what)
    {
        if (lead.Status == LeadStatus.Converted)
        {
            throw new RuleViolationException("status", $"Lead {lead.Id} was converted; it cannot be {what} any more (change its account, contact or deal).");
        }
    }

    private static async Task ApplyAsync(ISalesDatabase db, Lead lead, LeadFields fields, SalesPrincipal by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<RuleViolation>();
        var ownerId = fields.OwnerId ?? (lead.Id == 0 ? by.UserId : lead.OwnerId);
        violations.RequireText(fields.Name, "name", "A lead needs a name.");
        violations.Email(fields.Email);
        violations.Require(fields.Score is null or (>= 0 and <= 100), "score", "A score is from 0 to 100.");
        await violations.ExistsAsync(db.CustomerCategories, fields.CustomerCategoryId, "customerCategoryId", "customer category", cancellationToken);
        await violations.ExistsAsync(db.Regions, fields.RegionId, "regionId", "region", cancellationToken);
        await violations.OwnerAsync(db, ownerId, fields.RegionId, by, "a lead", cancellationToken);
        violations.ThrowIfAny($"The lead '{fields.Name}' is not valid.");

        lead.Name = fields.Name.Trim();
        lead.Company = fields.Company?.Trim();
        lead.Email = fields.Email?.Trim();
        lead.Phone = fields.Phone?.Trim();
        lead.Source = fields.Source?.Trim();
        lead.CustomerCategoryId = fields.CustomerCategoryId;
        lead.RegionId = fields.RegionId;
        lead.OwnerId = ownerId;
        lead.Score = fields.Score;
        lead.ScoreExplanation = fields.ScoreExplanation;
        if (fields.CustomFields is not null)
        {
            lead.CustomFields = new Dictionary<string, string?>(fields.CustomFields);
        }
    }
}
