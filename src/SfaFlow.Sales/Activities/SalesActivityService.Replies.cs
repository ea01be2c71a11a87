using SfaFlow.Plugins.Events;
using SfaFlow.Sales.Events;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Activities;

public sealed partial class SalesActivityService
{
    /// <summary>The outcome of the inbound e-mail activity a lead's reply is logged as.</summary>
    public const string ReplyOutcome = "Replied";

    /// <summary>
    /// Records that a lead replied: a completed inbound e-mail on the lead's timeline (for the lead's owner) and the
    /// <c>LeadReplied</c> event (correlated <c>lead:{id}</c>, carrying the reply), committed together, so a cadence hears of
    /// the reply exactly when the timeline shows it.
    /// </summary>
    /// <exception cref="RecordNotFoundException">The lead does not exist or is outside the caller's scope.</exception>
    /// <exception cref="RuleViolationException">The reply is empty or comes from the future.</exception>
    public async Task<SalesActivity> LogLeadReplyAsync(long leadId, LeadReply reply, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(by);
        await using var db = await databases.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var lead = await db.Leads.FindInScopeAsync(leadId, by, cancellationToken);
        var now = clock.GetUtcNow();
        var (subject, body) = (FieldRules.Clean(reply.Subject), FieldRules.Clean(reply.Body));
        var violations = new List<RuleViolation>();
        violations.Require(subject is not null || body is not null, "body", "A reply needs a subject or a body.");
        violations.Require(reply.ReceivedAt is null || reply.ReceivedAt <= now, "receivedAt", "A reply cannot be received in the future.");
        violations.ThrowIfAny($"The reply of lead {lead.Id} is not valid.");

        var receivedAt = reply.ReceivedAt ?? now;
        var fields = new ActivityFields
        {
            Kind = ActivityKind.Email,
            Subject = subject ?? $"Reply from {lead.Name}",
            Notes = body is null ? "Inbound e-mail." : $"Inbound e-mail:\n{body}",
            StartAt = receivedAt,
            LeadId = lead.Id,
            OwnerId = lead.OwnerId,
        };
        var activity = await PlanAsync(db, fields, by, cancellationToken);
        await CompleteAsync(db, activity, new ActivityOutcome(ReplyOutcome), by, cancellationToken);
        activity.CompletedAt = receivedAt;
        db.Raise(() => SalesEvents.Lead(SalesEventNames.LeadReplied, lead, now, new()
        {
            ["reply"] = new Dictionary<string, object?>
            {
                ["activityId"] = activity.Id, ["subject"] = subject, ["body"] = body, ["receivedAt"] = receivedAt,
            },
        }));
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return activity;
    }
}
