using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Products;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    private const int OpportunityCount = 800;

    private static readonly decimal[] Discounts = [0m, 0m, 0m, 5m, 5m, 10m, 10m, 15m, 20m];

    private void AddOpportunities()
    {
        var weights = Accounts.Select(a => _accountFacts[a.Id].Category switch
        {
            DemoNames.Enterprise => 3f,
            DemoNames.MidMarket => 2f,
            DemoNames.PublicSector => 1.6f,
            _ => 1.2f,
        }).ToArray();
        var deals = new List<(Opportunity Deal, List<StageChange> History)>();
        for (var i = 0; i < OpportunityCount; i++)
        {
            var account = Pick(Accounts, weights);
            var pipeline = PipelineFor(account);
            var deal = NewDeal(account, pipeline);
            deals.Add((deal, PlayHistory(deal, pipeline)));
        }

        // Ids in the order the deals were created, as the database would have handed them out (OrderBy is stable).
        long lineId = 1, changeId = 1, visitId = 1;
        foreach (var (deal, history) in deals.OrderBy(d => d.Deal.CreatedAt))
        {
            deal.Id = Opportunities.Count + 1;
            Opportunities.Add(deal);
            foreach (var line in deal.Lines)
            {
                (line.Id, line.OpportunityId) = (lineId++, deal.Id);
            }

            for (var i = 0; i < history.Count; i++)
            {
                var change = history[i];
                (change.Id, change.OpportunityId) = (changeId++, deal.Id);
                StageChanges.Add(change);
                // One visit per change: it lasts until the next change, or is still going on.
                var exited = i + 1 < history.Count ? history[i + 1].At : (DateTimeOffset?)null;
                StageVisits.Add(new StageVisit
                {
                    Id = visitId++,
                    OpportunityId = deal.Id,
                    StageId = change.ToStageId,
                    EnteredAt = change.At,
                    ExitedAt = exited,
                    DurationSeconds = exited is { } end ? (long)(end - change.At).TotalSeconds : null,
                });
            }
        }
    }

    private Pipeline PipelineFor(Account account) => _accountFacts[account.Id].Category switch
    {
        DemoNames.PublicSector => PipelineNamed(_random.Bool(0.85f) ? DemoNames.PublicTenders : DemoNames.NewBusiness),
        DemoNames.SmallBusiness => PipelineNamed(_random.Bool(0.4f) ? DemoNames.Renewals : DemoNames.NewBusiness),
        _ => PipelineNamed(_random.Bool(0.15f) ? DemoNames.Renewals : DemoNames.NewBusiness),
    };

    /// <summary>A deal with its products priced in the customer's currency; the amount is what the lines add up to.</summary>
    private Opportunity NewDeal(Account account, Pipeline pipeline)
    {
        var (country, _, category) = _accountFacts[account.Id];
        var offered = pipeline.ProductLine is { } line ? Products.Where(p => p.ProductLine == line).ToList() : Products;
        var size = category switch
        {
            DemoNames.Enterprise => 2.5,
            DemoNames.PublicSector => 2.0,
            DemoNames.MidMarket => 1.0,
            _ => 0.4,
        };
        var lines = _random.Shuffle(offered).Take(_random.Number(1, pipeline.ProductLine is null ? 4 : 2))
            .Select(product => NewLine(product, country, size)).ToList();
        var amount = lines.Sum(l => l.Total);
        return new Opportunity
        {
            Name = $"{account.Name}: {Topic(pipeline, lines[0].ProductId)}",
            AccountId = account.Id,
            PipelineId = pipeline.Id,
            Currency = country.Currency,
            Amount = amount,
            AmountInReportingCurrency = Math.Round(amount * country.RateToEur, 2),
            OwnerId = account.OwnerId,
            RegionId = account.RegionId,
            Lines = lines,
        };
    }

    private OpportunityLine NewLine(Product product, DemoCountry country, double size)
    {
        var (min, max) = _quantities[product.Id];
        return new OpportunityLine
        {
            ProductId = product.Id,
            Quantity = max == 1 ? 1 : Math.Max(min, (int)Math.Round(_random.Number(min, max) * size)),
            UnitPrice = Math.Round(product.Price / country.RateToEur, 2),
            DiscountPercent = Pick(Discounts),
        };
    }

    private string Topic(Pipeline pipeline, long firstProductId) => pipeline.Name switch
    {
        DemoNames.Renewals => Pick(["Subscription renewal", "Seat expansion", "Support renewal", "Add-on upsell"]),
        DemoNames.PublicTenders => Pick(["Tender: mobile field service", "Tender: digital inspections", "Tender: tablets for citizen services"]),
        _ => Products[(int)firstProductId - 1].ProductLine switch
        {
            DemoNames.Software => Pick(["CRM rollout", "Sales app for the field team", "Pipeline analytics", "CRM for a new subsidiary"]),
            DemoNames.Devices => Pick(["Field device refresh", "Tablets for service technicians", "Scanner rollout"]),
            _ => Pick(["Integration project", "Training programme", "Process workshop"]),
        },
    };
}
