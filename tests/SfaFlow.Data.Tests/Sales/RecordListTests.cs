using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class RecordListTests
{
    [Fact]
    public async Task ListsCountsAndSums_SeeTheCallersScopeOnly()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var lists = host.Get<RecordLists>();
        var everything = new RecordQuery();

        var mine = await lists.ListAsync(SalesLists.Opportunities, everything, s.Rep);
        var all = await lists.ListAsync(SalesLists.Opportunities, everything, s.Manager);

        Assert.Equal(["Alpha", "Bravo", "Charlie"], mine.Items.Select(o => o.Name));
        Assert.Equal(3, mine.Total);
        Assert.Equal(5, all.Total);
        Assert.Equal((3, 2, 5), (await lists.CountAsync(SalesLists.Opportunities, everything, s.Rep),
            await lists.CountAsync(SalesLists.Opportunities, everything, s.OtherRep), await lists.CountAsync(SalesLists.Opportunities, everything, s.Manager)));

        // 1000 + 0.1 + 2500.55 USD at 0.92 (2300.51): summed exactly in SQL over fixed-point integers.
        Assert.Equal(3300.61m, await lists.SumAsync(SalesLists.Opportunities, everything, "amountInReportingCurrency", s.Rep));
        Assert.Equal(4000.2m, await lists.SumAsync(SalesLists.Opportunities, everything, "amountInReportingCurrency", s.OtherRep));
        Assert.Equal(7300.81m, await lists.SumAsync(SalesLists.Opportunities, everything, "amountInReportingCurrency", s.Manager));
        Assert.Equal(1000m, await lists.SumAsync(SalesLists.Opportunities, Deals.Query(("currency", "EUR"), ("amountMin", "1")), "amountInReportingCurrency", s.Rep));
    }

    [Theory]
    [InlineData("sort=-amount&pageSize=2&page=2", "Alpha,Echo", 5)]
    [InlineData("sort=currency,-name", "Echo,Delta,Bravo,Alpha,Charlie", 5)]
    [InlineData("amountMin=1000&amountMax=2600", "Alpha,Charlie", 2)]
    [InlineData("amountMin=0.15&amountMax=0.2", "Echo", 1)]
    [InlineData("expectedCloseDateFrom=2027-02-01&expectedCloseDateTo=2027-03-31", "Bravo,Delta,Charlie", 3)]
    [InlineData("currency=usd", "Charlie", 1)]
    [InlineData("q=ALP", "Alpha", 1)]
    [InlineData("status=Won,Lost", "", 0)]
    [InlineData("status=open&probabilityMin=10&probabilityMax=10", "Alpha,Bravo,Delta,Charlie,Echo", 5)]
    [InlineData("forecastCategory=Pipeline&sort=-id&pageSize=1", "Echo", 5)]
    public async Task List_FiltersSortsAndPages_InTheDatabase(string queryString, string expected, int total)
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var query = RecordQuery.FromParameters(queryString.Split('&').Select(p => p.Split('=')).Select(p => KeyValuePair.Create(p[0], (string?)p[1])));

        var page = await host.Get<RecordLists>().ListAsync(SalesLists.Opportunities, query, s.Manager);

        Assert.Equal((expected, total), (string.Join(",", page.Items.Select(o => o.Name)), page.Total));
    }

    [Fact]
    public async Task Filters_TranslateToSql_OnTheStoredIntegers()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        await using var db = await host.OpenAsync();
        var query = Deals.Query(("amountMin", "0.15"), ("currency", "usd"), ("probabilityMin", "10"), ("closedAtTo", "2027-01-01"));

        var sql = SalesLists.Opportunities.FilterAndSort(SalesLists.Opportunities.Source(db, s.Rep), query with { Search = "alp" }, paged: true).ToQueryString();

        // Amounts and moments are compared as the integers they are stored as (0.15 is 1500 in fixed point; the day after
        // 2027-01-01 starts at 1798848000 epoch seconds), in SQL, with values as parameters.
        Assert.Contains("\"o\".\"Amount\" >= @", sql, StringComparison.Ordinal);
        Assert.Contains("\"o\".\"ClosedAt\" < @", sql, StringComparison.Ordinal);
        Assert.Contains("lower(\"o\".\"Currency\") = @", sql, StringComparison.Ordinal);
        Assert.Contains("COALESCE(\"o\".\"ProbabilityOverride\", \"o\".\"StageProbability\") >= @", sql, StringComparison.Ordinal);
        Assert.Contains("instr(lower(\"o\".\"Name\"), @", sql, StringComparison.Ordinal);
        Assert.Contains("\"o\".\"OwnerId\" = @", sql, StringComparison.Ordinal);
        Assert.Contains(".param set @Value 1500\n", sql, StringComparison.Ordinal);
        Assert.Contains(".param set @Value4 1798848000\n", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OwnerFilterTakesSeveralIds_AndOneOutsideScopeStillShowsNothingMore()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var lists = host.Get<RecordLists>();
        var both = Deals.Query(("ownerId", $"{s.Rep.UserId},{s.OtherRep.UserId}"));

        Assert.Equal(5, (await lists.ListAsync(SalesLists.Opportunities, both, s.Manager)).Total);
        Assert.Equal(3, (await lists.ListAsync(SalesLists.Opportunities, both, s.Rep)).Total);
    }

    [Fact]
    public async Task List_UnknownFieldsAndBadValues_AreViolationsNamingTheParameterAndWhatIsAllowed()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var query = Deals.Query(("colour", "red"), ("amountMin", "12,5"), ("expectedCloseDateTo", "31.03.2027"), ("status", "Pending"), ("ownerId", "me")) with
        {
            Sort = "-colour", PageSize = 501,
        };

        var refused = await Assert.ThrowsAsync<InvalidListQueryException>(() => host.Get<RecordLists>().ListAsync(SalesLists.Opportunities, query, s.Rep));

        Assert.Equal(["pageSize", "colour", "amountMin", "expectedCloseDateTo", "status", "ownerId", "sort"], refused.Violations.Select(v => v.Field));
        var messages = refused.Violations.ToDictionary(v => v.Field, v => v.Message);
        Assert.Contains("its filters are id, name, accountId,", messages["colour"], StringComparison.Ordinal);
        Assert.Contains("amountMin, amountMax", messages["colour"], StringComparison.Ordinal);
        Assert.Equal("amountMin must be a number, with a point for decimals (1250.50); '12,5' is not.", messages["amountMin"]);
        Assert.Equal("expectedCloseDateTo must be a date (yyyy-MM-dd); '31.03.2027' is not.", messages["expectedCloseDateTo"]);
        Assert.Equal("status must be one of Open, Won, Lost; 'Pending' is not.", messages["status"]);
        Assert.StartsWith("opportunities cannot be sorted by 'colour'; sort by id, name, accountId,", messages["sort"], StringComparison.Ordinal);
        Assert.Equal("pageSize must be from 1 to 500, not 501.", messages["pageSize"]);
    }

    [Fact]
    public async Task FromParameters_KeepsPagingApart_JoinsRepeatedFilters_AndRefusesPagesThatAreNotNumbers()
    {
        var query = RecordQuery.FromParameters([new("page", "3"), new("PageSize", "20"), new("q", "engine"), new("status", "Open"), new("status", "Won"), new("sort", "-amount")]);

        Assert.Equal((3, 20, "engine", "-amount"), (query.Page, query.PageSize, query.Search, query.Sort));
        Assert.Equal("Open,Won", Assert.Single(query.Filters).Value);
        var refused = Assert.Throws<InvalidListQueryException>(() => RecordQuery.FromParameters([new("page", "two")]));
        Assert.Equal("page must be a whole number; 'two' is not.", Assert.Single(refused.Violations).Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task MomentFilters_ADateAloneMeansThatWholeDay()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        var later = await host.Get<OpportunityService>().CreateAsync(Deals.Fields(s, "Foxtrot", 1m, "EUR", new DateOnly(2027, 5, 1)), new(), s.Rep);
        var lists = host.Get<RecordLists>();
        var day = later.CreatedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var onTheDay = await lists.ListAsync(SalesLists.Opportunities, Deals.Query(("createdAt", day)), s.Rep);
        var untilTheDay = await lists.CountAsync(SalesLists.Opportunities, Deals.Query(("createdAtTo", day)), s.Rep);
        var beforeTheDay = await lists.CountAsync(SalesLists.Opportunities, Deals.Query(("createdAtTo", later.CreatedAt.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), s.Rep);
        var fromTheMoment = await lists.CountAsync(SalesLists.Opportunities, Deals.Query(("createdAtFrom", later.CreatedAt.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))), s.Rep);

        Assert.Equal(["Foxtrot"], onTheDay.Items.Select(o => o.Name));
        Assert.Equal((4, 3, 0), (untilTheDay, beforeTheDay, fromTheMoment));
    }

    [Fact]
    public async Task Get_OutsideScopeIsNotFound_AndADealComesWithItsLines()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var deal = await host.Get<OpportunityService>().CreateAsync(Deals.Fields(s, "Lined", 0m, "EUR", new DateOnly(2027, 1, 1)) with { Lines = [new LineFields(s.Licence.Id, 2)] }, new(), s.Rep);
        var lists = host.Get<RecordLists>();

        var read = await lists.GetAsync(SalesLists.Opportunities, deal.Id, s.Rep);

        Assert.Equal(2000m, Assert.Single(read.Lines).Total);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => lists.GetAsync(SalesLists.Opportunities, deal.Id, s.OtherRep));
    }

    [Fact]
    public async Task SharedLists_AreReadByEveryone_AndOnlyAmountsInOneCurrencyAreSummed()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await Deals.CreateAsync(host);
        var lists = host.Get<RecordLists>();

        var products = await lists.ListAsync(SalesLists.Products, Deals.Query(("priceMin", "900")), s.OtherRep);
        var refused = await Assert.ThrowsAsync<InvalidListQueryException>(() => lists.SumAsync(SalesLists.Opportunities, new RecordQuery(), "amount", s.Rep));

        Assert.Equal(["LIC"], products.Items.Select(p => p.Code));
        Assert.Equal(("sum", "opportunities cannot be summed by 'amount'; sum amountInReportingCurrency."), (refused.Violations[0].Field, refused.Violations[0].Message));

        // A list of owned records cannot be declared without scope.
        Assert.Throws<InvalidOperationException>(() => RecordListSources.Shared<Opportunity>("deals", "id", db => db.Opportunities));
    }
}
