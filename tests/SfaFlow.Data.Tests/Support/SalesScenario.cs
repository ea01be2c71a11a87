using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Products;
using SfaFlow.Sales.Security;

namespace SfaFlow.Data.Tests.Support;

/// <summary>
/// A small organization for rule tests: a rep, a second rep, a manager (all scope); the "Standard" pipeline
/// (Prospecting, Qualification, Proposal, Negotiation with a gate, Won, Lost; no skipping); two products; an account of the rep.
/// </summary>
public sealed class SalesScenario
{
    public const string ProposalGate = "opportunity.completedTasks.includes('Send proposal')";
    public const string ProposalGateMessage = "A proposal must be sent before negotiation.";

    public required SalesHost Host { get; init; }

    public required SalesPrincipal Rep { get; init; }

    public required SalesPrincipal OtherRep { get; init; }

    public required SalesPrincipal Manager { get; init; }

    public required Pipeline Pipeline { get; init; }

    public required Account Account { get; init; }

    public required Product Licence { get; init; }

    public required Product Training { get; init; }

    public Stage StageNamed(string name) => Pipeline.Stages.Single(s => s.Name == name);

    public static async Task<SalesScenario> CreateAsync(SalesHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.AddUserAsync("rep");
        await host.AddUserAsync("other-rep");
        await host.AddUserAsync("manager", SalesRole.Manager, RecordScope.All);
        var rep = await host.PrincipalAsync("rep");
        await using var db = await host.OpenAsync();
        var pipeline = new Pipeline
        {
            Name = "Standard", IsDefault = true, AllowSkippingStages = false, AllowMovingBackwards = true,
            Stages =
            [
                new Stage { Name = "Prospecting", Order = 1, DefaultProbability = 10, ForecastCategory = ForecastCategory.Pipeline },
                new Stage { Name = "Qualification", Order = 2, DefaultProbability = 20, ForecastCategory = ForecastCategory.Pipeline },
                new Stage { Name = "Proposal", Order = 3, DefaultProbability = 50, ForecastCategory = ForecastCategory.BestCase },
                new Stage { Name = "Negotiation", Order = 4, DefaultProbability = 80, ForecastCategory = ForecastCategory.Commit, GateCondition = ProposalGate, GateMessage = ProposalGateMessage },
                new Stage { Name = "Won", Order = 5, DefaultProbability = 100, ForecastCategory = ForecastCategory.Closed, IsWon = true },
                new Stage { Name = "Lost", Order = 6, DefaultProbability = 0, ForecastCategory = ForecastCategory.Omitted, IsLost = true },
            ],
        };
        var licence = new Product { Code = "LIC", Name = "Licence", Price = 1000m, Currency = "EUR" };
        var training = new Product { Code = "TRN", Name = "Training day", Price = 800m, Currency = "EUR" };
        var account = new Account { Name = "Analytical Engines Ltd", OwnerId = rep.UserId, Lifecycle = AccountLifecycle.Prospect };
        db.Pipelines.Add(pipeline);
        db.Products.AddRange(licence, training);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return new SalesScenario
        {
            Host = host, Rep = rep, OtherRep = await host.PrincipalAsync("other-rep"), Manager = await host.PrincipalAsync("manager"),
            Pipeline = pipeline, Account = account, Licence = licence, Training = training,
        };
    }
}
