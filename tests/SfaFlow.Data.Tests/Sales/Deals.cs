using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Opportunities;

namespace SfaFlow.Data.Tests.Sales;

/// <summary>
/// The scenario plus five open deals: Alpha (1000 EUR), Bravo (0.10 EUR) and Charlie (2500.55 USD) of the rep, Delta
/// (4000 EUR) and Echo (0.20 EUR) of the other rep, closing from January to April 2027.
/// </summary>
internal static class Deals
{
    public static async Task<SalesScenario> CreateAsync(SalesHost host)
    {
        var s = await SalesScenario.CreateAsync(host);
        var service = host.Get<OpportunityService>();
        await service.CreateAsync(Fields(s, "Alpha", 1000m, "EUR", new DateOnly(2027, 1, 15)), new(), s.Rep);
        await service.CreateAsync(Fields(s, "Bravo", 0.1m, "EUR", new DateOnly(2027, 2, 1)), new(), s.Rep);
        await service.CreateAsync(Fields(s, "Charlie", 2500.55m, "USD", new DateOnly(2027, 3, 31)), new(), s.Rep);
        await service.CreateAsync(Fields(s, "Delta", 4000m, "EUR", new DateOnly(2027, 2, 15)) with { OwnerId = s.OtherRep.UserId }, new(), s.Manager);
        await service.CreateAsync(Fields(s, "Echo", 0.2m, "EUR", new DateOnly(2027, 4, 1)) with { OwnerId = s.OtherRep.UserId }, new(), s.Manager);
        return s;
    }

    public static OpportunityFields Fields(SalesScenario s, string name, decimal amount, string currency, DateOnly close) =>
        new() { Name = name, AccountId = s.Account.Id, Amount = amount, Currency = currency, ExpectedCloseDate = close };

    public static RecordQuery Query(params (string Name, string Value)[] filters) =>
        RecordQuery.FromParameters(filters.Select(f => KeyValuePair.Create(f.Name, (string?)f.Value)));
}
