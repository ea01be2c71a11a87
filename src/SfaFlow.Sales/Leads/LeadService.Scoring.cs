using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Leads;

public sealed partial class LeadService
{
    /// <summary>
    /// Sets a lead's score and why (scoring rules, a workflow): audited like any change, but without the LeadUpdated
    /// event a person's edit raises, so that a workflow started by LeadUpdated can score without starting itself again.
    /// The status stays as it is: being scored is not being worked on.
    /// </summary>
    public async Task<Lead> ScoreAsync(long id, int score, string? explanation, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (score is < 0 or > 100)
        {
            throw new RuleViolationException("score", "A score is from 0 to 100.");
        }

        await using var db = await databases.OpenAsync(cancellationToken);
        var lead = await db.Leads.FindInScopeAsync(id, by, cancellationToken);
        RequireOpen(lead, "scored");
        lead.Score = score;
        lead.ScoreExplanation = explanation;
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }
}
