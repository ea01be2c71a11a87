using Microsoft.EntityFrameworkCore;
using SfaFlow.Plugins.Events;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Events;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Opportunities;

public sealed partial class OpportunityService
{
    /// <summary>
    /// Moves a deal to another stage of its pipeline. Refused with every reason (HTTP 422) when the stage's gate is not
    /// met, or the move skips stages or goes back where the pipeline does not allow it, or the deal is closed; a manager or
    /// admin may override with a reason (audited). Entering the won stage creates the deal's order; a lost stage needs a
    /// reason. History, visits and the deal's maintained fields change in the same transaction.
    /// </summary>
    public Task<Opportunity> MoveToStageAsync(long id, StageMove move, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        return MoveAsync(id, pipeline => pipeline.Stages.FirstOrDefault(s => s.Id == move.StageId)
            ?? throw new RuleViolationException("stageId", $"Stage {move.StageId} is not a stage of pipeline '{pipeline.Name}'."), move, by, cancellationToken);
    }

    /// <summary>Closes a deal as won: moves it to its pipeline's won stage (gates apply), which creates its order.</summary>
    public Task<Opportunity> WinAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default) =>
        MoveAsync(id, ClosingStage(s => s.IsWon, "won"), new StageMove(0, expectedVersion), by, cancellationToken);

    /// <summary>Closes a deal as lost, with the reason and the competitor it went to.</summary>
    public Task<Opportunity> LoseAsync(long id, string reason, string? competitor, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default) =>
        MoveAsync(id, ClosingStage(s => s.IsLost, "lost"), new StageMove(0, expectedVersion, LostReason: reason, Competitor: competitor), by, cancellationToken);

    private static Func<Pipeline, Stage> ClosingStage(Func<Stage, bool> closing, string what) => pipeline =>
        pipeline.Stages.Where(closing).MinBy(s => s.Order) ?? throw new RuleViolationException("stageId", $"Pipeline '{pipeline.Name}' has no {what} stage.");

    /// <summary>The move itself; <paramref name="chooseTarget"/> picks the stage in the deal's pipeline (the move's StageId is not read here).</summary>
    private async Task<Opportunity> MoveAsync(long id, Func<Pipeline, Stage> chooseTarget, StageMove move, SalesPrincipal by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var db = await databases.OpenAsync(cancellationToken);
        var deal = await db.Opportunities.Include(o => o.Lines).FindInScopeAsync(id, by, cancellationToken);
        deal.CheckVersion(move.ExpectedVersion);
        var pipeline = await db.Pipelines.AsNoTracking().Include(p => p.Stages).SingleAsync(p => p.Id == deal.PipelineId, cancellationToken);
        var current = pipeline.Stages.Single(s => s.Id == deal.StageId);
        var target = chooseTarget(pipeline);
        if (target.Id == current.Id)
        {
            throw new RuleViolationException("stageId", $"'{deal.Name}' is in stage '{target.Name}' already.");
        }

        if (target.IsLost && string.IsNullOrWhiteSpace(move.LostReason))
        {
            throw new RuleViolationException("lostReason", $"Moving '{deal.Name}' to '{target.Name}' closes it as lost: say why (lostReason).");
        }

        var activities = await db.Activities.AsNoTracking().Where(a => a.OpportunityId == id).ToListAsync(cancellationToken);
        var (refusals, rules) = Refusals(deal, pipeline, current, target, move, activities, cancellationToken);
        string? overrideReason = null;
        if (refusals.Count > 0)
        {
            // The move is not saved, but why it was refused is: in its own unit of work.
            if (string.IsNullOrWhiteSpace(move.OverrideReason) || !by.CanOverrideStageRules)
            {
                await traces.RecordAsync(StageGateTrace.Refused(deal, target, rules, by, clock.GetUtcNow()), cancellationToken);
            }

            if (string.IsNullOrWhiteSpace(move.OverrideReason))
            {
                throw new RuleViolationException($"Moving '{deal.Name}' to '{target.Name}' is refused: {string.Join(" ", refusals)}",
                    [.. refusals.Select(r => new RuleViolation("stageId", r))]);
            }

            overrideReason = by.CanOverrideStageRules
                ? move.OverrideReason.Trim()
                : throw new PermissionDeniedException($"Overriding the rules of pipeline '{pipeline.Name}' needs the Manager or Admin role. Refused because: {string.Join(" ", refusals)}");
        }

        var now = clock.GetUtcNow();
        await EnterStageAsync(db, deal, current, target, move, overrideReason, by, now, cancellationToken);
        if (target.IsWon && !await db.Orders.AnyAsync(o => o.OpportunityId == deal.Id, cancellationToken))
        {
            db.Orders.Add(OrderFrom(deal, now));
        }

        var moved = new Dictionary<string, object?>
        {
            ["fromStageId"] = current.Id, ["fromStage"] = current.Name, ["toStageId"] = target.Id, ["toStage"] = target.Name,
            ["pipelineId"] = pipeline.Id, ["overrideReason"] = overrideReason,
        };
        db.Raise(() => SalesEvents.Opportunity(SalesEventNames.OpportunityStageChanged, deal, target, now, new(moved)));
        if (target.IsWon || target.IsLost)
        {
            db.Raise(() => SalesEvents.Opportunity(target.IsWon ? SalesEventNames.OpportunityWon : SalesEventNames.OpportunityLost, deal, target, now, new(moved)));
        }

        db.Actor = by.ToActor(overrideReason);
        await db.SaveChangesAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(target.GateCondition))
        {
            await traces.RecordAsync(StageGateTrace.Moved(deal, target, rules, overrideReason, by, now), cancellationToken);
        }

        return deal;
    }

    /// <summary>Why the move is refused (empty when it is not), and every rule that was applied, explained.</summary>
    private (List<string> Refusals, List<RuleOutcome> Rules) Refusals(Opportunity deal, Pipeline pipeline, Stage current, Stage target, StageMove move,
        IReadOnlyList<Activities.SalesActivity> activities, CancellationToken cancellationToken)
    {
        var refusals = new List<string>();
        var closing = target.IsWon || target.IsLost;
        if (deal.Status != OpportunityStatus.Open)
        {
            refusals.Add($"The deal is closed ({deal.Status.ToString().ToLowerInvariant()}); reopening it is an override.");
        }
        else if (!closing && target.Order > current.Order + 1 && !pipeline.AllowSkippingStages)
        {
            var skipped = pipeline.Stages.Where(s => s.Order > current.Order && s.Order < target.Order && !s.IsWon && !s.IsLost).OrderBy(s => s.Order).Select(s => $"'{s.Name}'");
            refusals.Add($"Pipeline '{pipeline.Name}' does not allow skipping stages ({string.Join(", ", skipped)}).");
        }
        else if (target.Order < current.Order && !pipeline.AllowMovingBackwards)
        {
            refusals.Add($"Pipeline '{pipeline.Name}' does not allow moving back from '{current.Name}' to '{target.Name}'.");
        }

        // The gate sees the deal as the move would leave it: a lost stage's gate may ask for the reason given with the move.
        var view = OpportunityScriptView.Create(deal, current, activities);
        view["lostReason"] = move.LostReason ?? deal.LostReason;
        view["competitor"] = move.Competitor ?? deal.Competitor;
        var verdict = gates.Evaluate(target, view, cancellationToken);
        var rules = refusals.Select(StageGateTrace.PipelineRule).ToList();
        if (!verdict.Passed)
        {
            refusals.Add(verdict.Reason!);
        }

        if (!string.IsNullOrWhiteSpace(target.GateCondition))
        {
            rules.Add(StageGateTrace.GateRule(target, view, verdict));
        }

        return (refusals, rules);
    }

    private static async Task EnterStageAsync(ISalesDatabase db, Opportunity deal, Stage current, Stage target, StageMove move, string? overrideReason,
        SalesPrincipal by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await StageTracking.EnterAsync(db, deal.Id, target.Id, now, cancellationToken);
        deal.StageId = target.Id;
        deal.StageEnteredAt = now;
        deal.HighestStageOrder = Math.Max(deal.HighestStageOrder, target.IsLost ? current.Order : target.Order);
        deal.StageProbability = target.DefaultProbability;
        deal.StageForecastCategory = target.ForecastCategory;
        (deal.Status, deal.ClosedAt) = target.IsWon ? (OpportunityStatus.Won, now) : target.IsLost ? (OpportunityStatus.Lost, now) : (OpportunityStatus.Open, (DateTimeOffset?)null);
        if (target.IsWon || target.IsLost)
        {
            // A closed deal's probability is the closing stage's (100 or 0), whatever the rep had set.
            deal.ProbabilityOverride = null;
            deal.ForecastCategoryOverride = null;
        }

        if (target.IsLost)
        {
            deal.LostReason = move.LostReason!.Trim();
            deal.Competitor = move.Competitor ?? deal.Competitor;
        }

        db.StageChanges.Add(new StageChange
        {
            OpportunityId = deal.Id, PipelineId = deal.PipelineId, FromStageId = current.Id, ToStageId = target.Id, At = now,
            ByUserId = by.ToActor().UserId, Amount = deal.Amount, Probability = deal.Probability, ExpectedCloseDate = deal.ExpectedCloseDate,
            OverrideReason = overrideReason,
        });
    }

    private static Order OrderFrom(Opportunity deal, DateTimeOffset now) => new()
    {
        Number = $"SO-{deal.Id:D6}",
        AccountId = deal.AccountId,
        OpportunityId = deal.Id,
        Currency = deal.Currency,
        Total = deal.Lines.Count > 0 ? deal.Lines.Sum(l => l.Total) : deal.Amount,
        OrderedAt = now,
        OwnerId = deal.OwnerId,
        RegionId = deal.RegionId,
        Lines = [.. deal.Lines.Select(l => new OrderLine { ProductId = l.ProductId, Quantity = l.Quantity, UnitPrice = l.UnitPrice, DiscountPercent = l.DiscountPercent, Total = l.Total })],
    };
}
