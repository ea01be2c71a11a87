using System.Globalization;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    private const int LeadCount = 500;
    private const int ConvertedLeadCount = 100;

    private static readonly LeadStatus[] OpenLeadStatuses = [LeadStatus.New, LeadStatus.Working, LeadStatus.Qualified, LeadStatus.Disqualified];

    private void AddLeads()
    {
        var leads = new List<Lead>();
        // Converted leads are where some new-business deals came from: the lead names the account's first contact.
        var candidates = Opportunities.Where(o => o.PipelineId == PipelineNamed(DemoNames.NewBusiness).Id
            && _accountFacts[o.AccountId].Category != DemoNames.PublicSector).ToList();
        var converted = _random.Shuffle(candidates).Take(ConvertedLeadCount).ToList();
        foreach (var deal in converted)
        {
            leads.Add(ConvertedLead(deal));
        }

        while (leads.Count < LeadCount)
        {
            leads.Add(OpenLead(Pick(OpenLeadStatuses, [0.15f, 0.3f, 0.15f, 0.4f])));
        }

        foreach (var lead in leads.OrderBy(l => l.CreatedAt))
        {
            lead.Id = Leads.Count + 1;
            Leads.Add(lead);
        }

        foreach (var (lead, deal) in converted.Select(d => (Leads.Single(l => l.ConvertedOpportunityId == d.Id), d)))
        {
            deal.LeadId = lead.Id;
        }
    }

    private Lead ConvertedLead(Opportunity deal)
    {
        var contact = Contacts.First(c => c.AccountId == deal.AccountId);
        var account = Accounts[(int)deal.AccountId - 1];
        var category = _accountFacts[account.Id].Category;
        var createdAt = deal.CreatedAt.AddDays(-_random.Number(3, 40));
        return NewLead($"{contact.FirstName} {contact.LastName}", account.Name, contact.Email, contact.Phone, category, LeadStatus.Converted,
            _random.Number(55, 100), deal.RegionId, deal.OwnerId, createdAt, deal.CreatedAt, lead =>
            {
                lead.ConvertedAccountId = account.Id;
                lead.ConvertedContactId = contact.Id;
                lead.ConvertedOpportunityId = deal.Id;
                lead.ConvertedAt = deal.CreatedAt;
            });
    }

    private Lead OpenLead(LeadStatus status)
    {
        var country = Pick(DemoCountry.All, DemoCountry.Weights);
        var faker = Faker(country.Code);
        var category = Pick(CategoryNames, [0.15f, 0.35f, 0.35f, 0.15f]);
        var company = CompanyName(country, category, Pick(country.Cities));
        var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
        var owner = Pick(RepsFor(country, category == DemoNames.SmallBusiness ? DemoNames.InsideSales : FieldTeam(country)));
        // New leads are days old; leads still being worked, weeks; settled ones (qualified, disqualified) any age.
        var age = status switch
        {
            LeadStatus.New => _random.Number(1, 21),
            LeadStatus.Working => _random.Number(3, 75),
            LeadStatus.Qualified => _random.Number(7, 120),
            _ => _random.Number(7, 360),
        };
        var createdAt = _calendar.During(_calendar.DaysAgo(age));
        var updatedAt = status == LeadStatus.New ? createdAt : Later(createdAt, _random.Number(1, 30));
        var score = status switch
        {
            LeadStatus.New => _random.Bool(0.3f) ? (int?)null : _random.Number(0, 60),
            LeadStatus.Working => _random.Number(20, 80),
            LeadStatus.Qualified => _random.Number(60, 100),
            _ => _random.Number(0, 40),
        };
        return NewLead($"{first} {last}", company, $"{DemoText.Slug(first, 1)}.{DemoText.Slug(last, 1)}@{DemoText.Slug(company)}.example",
            faker.Phone.PhoneNumber(), category, status, score, RegionNamed(country.Region).Id, owner.Id, createdAt, updatedAt, lead =>
            {
                lead.DisqualifiedReason = status == LeadStatus.Disqualified ? Pick(DemoText.DisqualifiedReasons) : null;
            });
    }

    private Lead NewLead(string name, string company, string? email, string? phone, string category, LeadStatus status, int? score,
        long? regionId, long ownerId, DateTimeOffset createdAt, DateTimeOffset updatedAt, Action<Lead> complete)
    {
        var employees = category switch
        {
            DemoNames.Enterprise => _random.Number(1_000, 20_000),
            DemoNames.MidMarket => _random.Number(100, 999),
            DemoNames.PublicSector => _random.Number(200, 5_000),
            _ => _random.Number(5, 99),
        };
        var lead = new Lead
        {
            Name = name,
            Company = company,
            Email = email,
            Phone = phone,
            Source = Pick(DemoText.LeadSources, DemoText.LeadSourceWeights),
            Status = status,
            Score = score,
            ScoreExplanation = score is { } points ? ExplainScore(points, category) : null,
            CustomerCategoryId = CategoryNamed(category).Id,
            RegionId = regionId,
            OwnerId = ownerId,
            CustomFields =
            {
                ["employees"] = employees.ToString(CultureInfo.InvariantCulture),
                ["interest"] = Pick([DemoNames.Software, DemoNames.Devices, DemoNames.Services]),
            },
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
        complete(lead);
        return lead;
    }

    /// <summary>The score split the way a scoring rule set would explain it: fit, engagement and intent.</summary>
    private string ExplainScore(int score, string category)
    {
        var intent = Math.Min(20, score / 4);
        var fit = Math.Min(40, (score - intent) / 2);
        var engagement = score - intent - fit;
        var signal = intent switch
        {
            >= 15 => "asked for a quote",
            >= 10 => "requested a demo",
            >= 5 => "downloaded a brochure",
            _ => "no buying signal yet",
        };
        return DemoText.Invariant($"Fit {fit}/40 ({category}); engagement {engagement}/40 ({engagement / 8} e-mails opened, {_random.Number(0, 6)} web visits); intent {intent}/20 ({signal}).");
    }
}
