using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary><c>/totals</c> of a list: the count and the amounts of the filtered list, within the caller's scope.</summary>
public sealed class ListTotalsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    [Fact]
    public async Task DealTotals_CountAndSumTheFilteredDealsInScope()
    {
        var pipelineId = await AddDealsAsync(SalesRole.Manager, 1000m, 250.5m, 40m);

        var manager = await (await factory.CreateClient(SalesRole.Manager).GetAsync($"/api/opportunities/totals?pipelineId={pipelineId}&amountInReportingCurrencyMin=100")).JsonAsync();
        var rep = await (await factory.CreateClient(SalesRole.Rep).GetAsync($"/api/opportunities/totals?pipelineId={pipelineId}")).JsonAsync();
        var wrong = await (await factory.CreateClient(SalesRole.Rep).GetAsync("/api/opportunities/totals?nope=1")).ProblemAsync(System.Net.HttpStatusCode.BadRequest);

        Assert.Equal((2, 1250.5m), (manager.GetProperty("count").GetInt32(), manager.GetProperty("sums").GetProperty("amountInReportingCurrency").GetDecimal()));
        Assert.Equal((0, 0m), (rep.GetProperty("count").GetInt32(), rep.GetProperty("sums").GetProperty("amountInReportingCurrency").GetDecimal()));
        Assert.Equal("nope", Assert.Single(wrong.Items("errors")).Text("path"));
    }

    /// <summary>Deals of the role's fixture user in a pipeline of their own; the pipeline's id.</summary>
    private async Task<long> AddDealsAsync(SalesRole owner, params decimal[] amounts)
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == SfaFlowApiFactory.UserNameOf(owner));
        var pipeline = new Pipeline { Name = $"Totals {Guid.NewGuid():N}", Stages = [new Stage { Name = "Open", Order = 1, DefaultProbability = 10 }] };
        var account = new Account { Name = "Totals Ltd", OwnerId = user.Id };
        db.Pipelines.Add(pipeline);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        foreach (var amount in amounts)
        {
            db.Opportunities.Add(new Opportunity
            {
                Name = $"Deal {amount}", AccountId = account.Id, PipelineId = pipeline.Id, StageId = pipeline.Stages[0].Id, Amount = amount,
                AmountInReportingCurrency = amount, Currency = "EUR", ExpectedCloseDate = new DateOnly(2027, 1, 31), OwnerId = user.Id,
            });
        }

        await db.SaveChangesAsync();
        return pipeline.Id;
    }
}
