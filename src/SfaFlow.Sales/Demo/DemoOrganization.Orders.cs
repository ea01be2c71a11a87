using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Orders;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    /// <summary>Every won deal became an order for what it sold, placed within days of winning.</summary>
    private void AddOrders()
    {
        long lineId = 1;
        foreach (var deal in Opportunities.Where(o => o.Status == OpportunityStatus.Won).OrderBy(o => o.ClosedAt))
        {
            var orderedAt = deal.ClosedAt!.Value.AddHours(_random.Number(1, 72));
            if (orderedAt >= _calendar.Now)
            {
                orderedAt = deal.ClosedAt.Value.AddHours(1);
            }

            var status = orderedAt < _calendar.Now.AddDays(-30) ? (_random.Bool(0.05f) ? OrderStatus.Cancelled : OrderStatus.Fulfilled) : OrderStatus.Open;
            var order = new Order
            {
                Id = Orders.Count + 1,
                Number = DemoText.Invariant($"SO-{orderedAt.Year}-{Orders.Count + 1:D4}"),
                AccountId = deal.AccountId,
                OpportunityId = deal.Id,
                Status = status,
                Currency = deal.Currency,
                OrderedAt = orderedAt,
                OwnerId = deal.OwnerId,
                RegionId = deal.RegionId,
                CreatedAt = orderedAt,
                UpdatedAt = status == OrderStatus.Open ? orderedAt : Later(orderedAt, _random.Number(7, 28)),
            };
            foreach (var line in deal.Lines)
            {
                order.Lines.Add(new OrderLine
                {
                    Id = lineId++,
                    OrderId = order.Id,
                    ProductId = line.ProductId,
                    Quantity = line.Quantity,
                    UnitPrice = line.UnitPrice,
                    DiscountPercent = line.DiscountPercent,
                    Total = line.Total,
                });
            }

            order.Total = order.Lines.Sum(l => l.Total);
            Orders.Add(order);
        }
    }

    /// <summary>
    /// Where each account stands after its deals: a customer once it won one (a former customer when its last word was a
    /// lost renewal), a prospect while deals are open or were lost, a target before any deal.
    /// </summary>
    private void SettleAccounts()
    {
        var renewals = PipelineNamed(DemoNames.Renewals).Id;
        foreach (var account in Accounts)
        {
            var deals = Opportunities.Where(o => o.AccountId == account.Id).ToList();
            var firstWin = deals.Where(o => o.Status == OpportunityStatus.Won).Min(o => o.ClosedAt);
            var lastClosed = deals.Where(o => o.ClosedAt is not null).MaxBy(o => o.ClosedAt);
            account.Lifecycle = (firstWin, deals.Count) switch
            {
                (not null, _) when lastClosed is { Status: OpportunityStatus.Lost } churn && churn.PipelineId == renewals
                    && deals.All(o => o.Status != OpportunityStatus.Open) => AccountLifecycle.Former,
                (not null, _) => AccountLifecycle.Customer,
                (null, > 0) => AccountLifecycle.Prospect,
                _ => AccountLifecycle.Target,
            };
            if (firstWin is { } won)
            {
                account.UpdatedAt = lastClosed?.ClosedAt > won && account.Lifecycle == AccountLifecycle.Former ? lastClosed.ClosedAt.Value : won;
            }
        }
    }
}
