using System.Globalization;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    private static readonly Dictionary<ActivityKind, string[]> Subjects = new()
    {
        [ActivityKind.Call] = ["Discovery call with {1}", "Follow-up call: {0}", "Check the budget with {1}", "Call {1} about the proposal", "Reference call for {0}"],
        [ActivityKind.Email] = ["Send the proposal to {0}", "E-mail a case study to {1}", "Send the meeting summary to {1}", "Quote follow-up: {0}", "Introduce onboarding to {0}"],
        [ActivityKind.Meeting] = ["Requirements workshop with {0}", "Product demo for {0}", "Contract negotiation with {0}", "Quarterly review with {0}"],
        [ActivityKind.Task] = ["Prepare the quote for {0}", "Update the account plan for {0}", "Check the credit rating of {0}", "Prepare documents for {0}"],
        [ActivityKind.Visit] = ["Site visit at {0}", "On-site demo at {0}", "Visit {1} at {0}"],
    };

    /// <summary>
    /// One activity in its record's window: done (or now and then cancelled) when it lies in the past, planned when it lies
    /// ahead, and for records still being worked sometimes planned but overdue, which the inbox must show.
    /// </summary>
    private SalesActivity NewActivity(ActivitySubject subject, ActivityKind kind, IEnumerable<Contact> contacts)
    {
        var at = _calendar.Between(DemoCalendar.Day(subject.From), DemoCalendar.Day(subject.To));
        if (at < subject.From || at > subject.To)
        {
            at = subject.From + (subject.To - subject.From) * _random.Double();
        }

        var status = at >= _calendar.Now ? ActivityStatus.Planned
            : subject.IsOpen && at >= _calendar.Now.AddDays(-14) && _random.Bool(0.3f) ? ActivityStatus.Planned
            : _random.Bool(0.06f) ? ActivityStatus.Cancelled : ActivityStatus.Done;
        DateTimeOffset? end = kind switch
        {
            ActivityKind.Meeting => at.AddMinutes(30 * _random.Number(1, 4)),
            ActivityKind.Visit => at.AddMinutes(60 * _random.Number(1, 3)),
            _ => null,
        };
        DateTimeOffset? completedAt = status == ActivityStatus.Done ? (end ?? at).AddMinutes(5 * _random.Number(0, 12)) : null;
        var plannedFrom = (at < _calendar.Now ? at : _calendar.Now).AddDays(-(status == ActivityStatus.Planned ? _random.Number(1, 10) : _random.Number(0, 5)));
        var createdAt = plannedFrom < subject.From ? subject.From : plannedFrom;
        var contact = PickContact(contacts, at);
        var person = contact is null ? subject.Person : $"{contact.FirstName} {contact.LastName}";
        // Without a person to name, only subjects about the company fit ("Visit X at X" reads like a bug).
        string[] subjects = person is null ? [.. Subjects[kind].Where(s => !s.Contains("{1}", StringComparison.Ordinal))] : Subjects[kind];
        return new SalesActivity
        {
            Kind = kind,
            Subject = string.Format(CultureInfo.InvariantCulture, Pick(subjects), subject.Company, person),
            Notes = _random.Bool(0.3f) ? Pick(DemoText.Notes) : null,
            Status = status,
            DueAt = at,
            StartAt = end is null ? null : at,
            EndAt = end,
            CompletedAt = completedAt,
            Outcome = status != ActivityStatus.Done ? null : kind switch
            {
                ActivityKind.Call => Pick(DemoText.CallOutcomes),
                ActivityKind.Meeting or ActivityKind.Visit => Pick(DemoText.MeetingOutcomes),
                ActivityKind.Email => "Sent",
                _ => "Done",
            },
            LeadId = subject.LeadId,
            AccountId = subject.AccountId,
            ContactId = contact?.Id,
            OpportunityId = subject.OpportunityId,
            OwnerId = subject.OwnerId,
            RegionId = subject.RegionId,
            CreatedByUserId = subject.OwnerId,
            CreatedAt = createdAt,
            UpdatedAt = completedAt ?? (status == ActivityStatus.Cancelled ? at : createdAt),
        };
    }

    private Contact? PickContact(IEnumerable<Contact> contacts, DateTimeOffset at)
    {
        // Only people the account had by then: no one is called before they were known.
        var known = contacts.Where(c => c.CreatedAt <= at).ToList();
        return known.Count > 0 && _random.Bool(0.75f) ? Pick(known) : null;
    }
}
