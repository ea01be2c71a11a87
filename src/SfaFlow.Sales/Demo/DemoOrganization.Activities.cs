using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    // 5,000 in all: most around deals, the rest on leads and on accounts between deals.
    private const int DealActivityCount = 3_100;
    private const int LeadActivityCount = 800;
    private const int AccountActivityCount = 1_100;

    private static readonly ActivityKind[] Kinds = [ActivityKind.Call, ActivityKind.Email, ActivityKind.Meeting, ActivityKind.Task, ActivityKind.Visit];

    private void AddActivities()
    {
        var contacts = Contacts.ToLookup(c => c.AccountId);
        var activities = ProposalTasks();
        Add(DealActivityCount - activities.Count, Opportunities.Select(DealSubject).ToList(), [0.32f, 0.25f, 0.18f, 0.13f, 0.12f]);
        Add(LeadActivityCount, Leads.Select(LeadSubject).ToList(), [0.45f, 0.40f, 0.05f, 0.10f, 0f]);
        Add(AccountActivityCount, Accounts.Select(AccountSubject).ToList(), [0.30f, 0.20f, 0.20f, 0.15f, 0.15f]);

        foreach (var activity in activities.OrderBy(a => a.CreatedAt))
        {
            activity.Id = Activities.Count + 1;
            Activities.Add(activity);
        }

        // The deal's last meaningful activity: the latest one done (plans and cancellations do not count).
        var lastDone = Activities.Where(a => a.OpportunityId is not null && a.Status == ActivityStatus.Done)
            .GroupBy(a => a.OpportunityId!.Value).ToDictionary(g => g.Key, g => g.Max(a => a.CompletedAt!.Value));
        foreach (var deal in Opportunities)
        {
            if (lastDone.TryGetValue(deal.Id, out var last))
            {
                deal.LastActivityAt = last;
                deal.UpdatedAt = last > deal.UpdatedAt ? last : deal.UpdatedAt;
            }
        }

        void Add(int count, List<ActivitySubject> subjects, float[] kindWeights)
        {
            var weights = subjects.Select(s => s.Weight).ToArray();
            for (var i = 0; i < count; i++)
            {
                var subject = Pick(subjects, weights);
                activities.Add(NewActivity(subject, Pick(Kinds, kindWeights), subject.AccountId is { } account ? contacts[account] : []));
            }
        }
    }

    private ActivitySubject DealSubject(Opportunity deal)
    {
        var account = Accounts[(int)deal.AccountId - 1];
        // Closed deals' activities end a few hours before closing, so that even a long visit is over when the deal closes.
        var to = deal.ClosedAt?.AddHours(-5) ?? _calendar.Now.AddDays(30);
        var weight = (float)((deal.ClosedAt ?? _calendar.Now) - deal.CreatedAt).TotalDays + (deal.Status == OpportunityStatus.Open ? 15 : 5);
        return new ActivitySubject(null, deal.AccountId, deal.Id, deal.OwnerId, deal.RegionId, deal.CreatedAt, to,
            deal.Status == OpportunityStatus.Open, account.Name, weight);
    }

    private ActivitySubject LeadSubject(Lead lead)
    {
        var settledAt = lead.Status switch
        {
            LeadStatus.Converted => lead.ConvertedAt!.Value.AddHours(-5),
            LeadStatus.Disqualified => lead.UpdatedAt.AddHours(-5),
            _ => _calendar.Now.AddDays(21),
        };
        var weight = lead.Status switch
        {
            LeadStatus.Working or LeadStatus.Qualified => 3f,
            LeadStatus.Converted => 2f,
            LeadStatus.Disqualified => 1.5f,
            _ => 1f,
        };
        return new ActivitySubject(lead.Id, null, null, lead.OwnerId, lead.RegionId, lead.CreatedAt, settledAt < lead.CreatedAt ? lead.CreatedAt : settledAt,
            lead.Status is LeadStatus.New or LeadStatus.Working or LeadStatus.Qualified, lead.Company ?? lead.Name, weight, lead.Name);
    }

    private ActivitySubject AccountSubject(Account account)
    {
        var weight = _accountFacts[account.Id].Category switch
        {
            DemoNames.Enterprise => 3f,
            DemoNames.SmallBusiness => 1f,
            _ => 2f,
        };
        return new ActivitySubject(null, account.Id, null, account.OwnerId, account.RegionId, account.CreatedAt, _calendar.Now.AddDays(30),
            true, account.Name, account.Lifecycle == AccountLifecycle.Former ? weight / 4 : weight);
    }

    /// <summary>What an activity is about: its record, its owner, the window it can fall in, and how busy that record is.</summary>
    private sealed record ActivitySubject(
        long? LeadId,
        long? AccountId,
        long? OpportunityId,
        long OwnerId,
        long? RegionId,
        DateTimeOffset From,
        DateTimeOffset To,
        bool IsOpen,
        string Company,
        float Weight,
        string? Person = null);
}
