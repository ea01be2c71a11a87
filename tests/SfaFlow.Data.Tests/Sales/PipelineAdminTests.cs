using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class PipelineAdminTests
{
    private static PipelineFields Partner => new()
    {
        Name = "Partner", IsDefault = false,
        Stages =
        [
            new StageFields { Name = "Registered", DefaultProbability = 10 },
            new StageFields { Name = "Approved", DefaultProbability = 40, GateCondition = "opportunity.amount > 0", GateMessage = "A registered deal has an amount." },
            new StageFields { Name = "Won", DefaultProbability = 100, ForecastCategory = ForecastCategory.Closed, IsWon = true },
            new StageFields { Name = "Lost", ForecastCategory = ForecastCategory.Omitted, IsLost = true },
        ],
    };

    [Fact]
    public async Task Changes_ByAManager_AreRefused()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var pipelines = host.Get<PipelineService>();

        var refused = await Assert.ThrowsAsync<PermissionDeniedException>(() => pipelines.CreateAsync(Partner, s.Manager));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => pipelines.DeleteAsync(s.Pipeline.Id, null, s.Rep));

        Assert.Equal("Only an admin may change pipelines.", refused.Message);
    }

    [Fact]
    public async Task Create_InvalidStages_ReportsEachByIndex_AndAGateThatDoesNotParseWithItsLineAndColumn()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => host.Get<PipelineService>().CreateAsync(Partner with
        {
            Name = "Standard",
            Stages =
            [
                new StageFields { Name = "Won", DefaultProbability = 100, IsWon = true },
                new StageFields { Name = "Registered", DefaultProbability = 120, GateCondition = "opportunity.amount > 0 &&\n  opportunity.currency ==" },
                new StageFields { Name = "registered", DefaultProbability = 100, IsWon = true, StallThresholdDays = 0 },
            ],
        }, admin));

        Assert.Equal(["name", "stages", "stages", "stages[1].isWon", "stages[1].defaultProbability", "stages[1].gateCondition", "stages[2].name", "stages[2].stallThresholdDays"],
            refused.Violations.Select(v => v.Field));
        Assert.Equal(["A pipeline has exactly one won stage.", "A pipeline has exactly one lost stage."], refused.Violations.Skip(1).Take(2).Select(v => v.Message));
        Assert.Matches(@"^The gate is not valid JavaScript: .+ \(line 2, column \d+\)\.$", refused.Violations[5].Message);
    }

    [Fact]
    public async Task Create_NumbersStagesFromOne_AndTheNewDefaultTakesItFromTheOldOne()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);

        var created = await host.Get<PipelineService>().CreateAsync(Partner with { IsDefault = true }, admin);

        Assert.Equal([1, 2, 3, 4], created.Stages.Select(st => st.Order));
        await using var db = await host.OpenAsync();
        Assert.Equal(["Partner"], await db.Pipelines.Where(p => p.IsDefault).Select(p => p.Name).ToListAsync());
        var deal = await host.Get<OpportunityService>().CreateAsync(Deals.Fields(s, "Via partner", 1m, "EUR", new DateOnly(2027, 1, 1)), new(), s.Rep);
        Assert.Equal(created.Id, deal.PipelineId);
    }

    [Fact]
    public async Task Update_ReordersRenamesAndAddsStages_ButKeepsAStageDealsAreIn()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var pipelines = host.Get<PipelineService>();
        await host.Get<OpportunityService>().CreateAsync(Deals.Fields(s, "Engines", 1m, "EUR", new DateOnly(2027, 1, 1)), new(), s.Rep);
        StageFields Keep(string name, string? rename = null) => ToFields(s.StageNamed(name)) with { Name = rename ?? name };
        var current = new PipelineFields
        {
            Name = "Standard", IsDefault = true,
            Stages = [Keep("Prospecting"), Keep("Proposal"), Keep("Qualification", "Discovery"), new StageFields { Name = "Review", DefaultProbability = 60 }, Keep("Negotiation"), Keep("Won"), Keep("Lost")],
        };

        var updated = await pipelines.UpdateAsync(s.Pipeline.Id, current, s.Pipeline.Version, admin);
        var dropFirst = await Assert.ThrowsAsync<RuleViolationException>(() => pipelines.UpdateAsync(s.Pipeline.Id, current with { Stages = current.Stages.Skip(1).ToList() }, null, admin));
        var stale = await Assert.ThrowsAsync<VersionConflictException>(() => pipelines.UpdateAsync(s.Pipeline.Id, current, s.Pipeline.Version, admin));

        Assert.Equal(["Prospecting:1", "Proposal:2", "Discovery:3", "Review:4", "Negotiation:5", "Won:6", "Lost:7"], updated.Stages.OrderBy(st => st.Order).Select(st => $"{st.Name}:{st.Order}"));
        Assert.Equal(s.StageNamed("Qualification").Id, updated.Stages.Single(st => st.Name == "Discovery").Id);
        Assert.Equal("Stage 'Prospecting' cannot be removed: 1 deal(s) are in it and 1 stage change(s) refer to it. Keep it (rename it if needed).", Assert.Single(dropFirst.Violations).Message);
        Assert.Equal(2, updated.Version);
        Assert.NotNull(stale);
    }

    [Fact]
    public async Task Update_OfAStagesGate_IsAuditedOnTheStage_WithWhoAndTheOldAndNewCondition()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var stage = s.StageNamed("Proposal");
        var stages = s.Pipeline.Stages.OrderBy(st => st.Order).Select(st => st.Id == stage.Id ? ToFields(st) with { GateCondition = "opportunity.amount > 1000" } : ToFields(st)).ToList();

        await host.Get<PipelineService>().UpdateAsync(s.Pipeline.Id, new PipelineFields { Name = s.Pipeline.Name, IsDefault = true, Stages = stages }, null, admin);

        await using var db = await host.OpenAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.RecordType == "Stage" && a.Change == "Updated");
        Assert.Equal(stage.Id, entry.RecordId);
        Assert.Equal(("Updated", "GateCondition", stage.GateCondition, "opportunity.amount > 1000", admin.UserId),
            (entry.Change, entry.Field, entry.OldValue, entry.NewValue, entry.ByUserId));
    }

    [Fact]
    public async Task Delete_APipelineWithDeals_OrTheDefaultWhileOthersExist_IsRefused()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var pipelines = host.Get<PipelineService>();
        var partner = await pipelines.CreateAsync(Partner, admin);
        await host.Get<OpportunityService>().CreateAsync(Deals.Fields(s, "Engines", 1m, "EUR", new DateOnly(2027, 1, 1)), new(partner.Id), s.Rep);

        var withDeals = await Assert.ThrowsAsync<RecordInUseException>(() => pipelines.DeleteAsync(partner.Id, null, admin));
        var theDefault = await Assert.ThrowsAsync<RecordInUseException>(() => pipelines.DeleteAsync(s.Pipeline.Id, null, admin));

        Assert.StartsWith("Pipeline 'Partner' cannot be deleted: 1 deal refers to it.", withDeals.Message, StringComparison.Ordinal);
        Assert.Equal("Pipeline 'Standard' cannot be deleted: 1 other pipeline (it is the default) refers to it. Make another pipeline the default first.", theDefault.Message);
    }

    private static StageFields ToFields(Stage stage) => new()
    {
        Id = stage.Id, Name = stage.Name, DefaultProbability = stage.DefaultProbability, ForecastCategory = stage.ForecastCategory,
        GateCondition = stage.GateCondition, GateMessage = stage.GateMessage, StallThresholdDays = stage.StallThresholdDays, IsWon = stage.IsWon, IsLost = stage.IsLost,
    };
}
