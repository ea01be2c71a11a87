using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SfaFlow.Plugins.Events;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Events;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Opportunities;

/// <summary>
/// Every change to a deal, whoever makes it (API, import, workflow, plugin): field validation, stage gates and the
/// pipeline's order, stage history and visits, won deals to orders. One place, so the rules cannot differ by door.
/// Stage moves are in <c>OpportunityService.Stages.cs</c>.
/// </summary>
public sealed partial class OpportunityService(ISalesDatabaseFactory databases, StageGates gates, DecisionTraces traces, IOptions<SalesOptions> options, TimeProvider clock)
{
    private readonly SalesOptions _options = options.Value;

    public async Task<Opportunity> CreateAsync(OpportunityFields fields, OpportunityStart start, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        return await CreateAsync(db, fields, start, by, cancellationToken);
    }

    /// <summary>
    /// Creates a deal within an open unit of work (lead conversion and imports run it inside their transaction). Nothing
    /// is tracked when it is refused.
    /// </summary>
    public async Task<Opportunity> CreateAsync(ISalesDatabase db, OpportunityFields fields, OpportunityStart start, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(start);
        var pipeline = await PipelineForAsync(db, start.PipelineId, cancellationToken);
        var stage = start.StageId is { } stageId
            ? pipeline.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw new RuleViolationException("stageId", $"Stage {stageId} is not a stage of pipeline '{pipeline.Name}'.")
            : pipeline.Stages.Where(s => !s.IsWon && !s.IsLost).MinBy(s => s.Order) ?? throw new RuleViolationException("pipelineId", $"Pipeline '{pipeline.Name}' has no open stage.");
        if (stage.IsWon || stage.IsLost)
        {
            throw new RuleViolationException("stageId", $"A new deal cannot start in the closing stage '{stage.Name}'.");
        }

        var now = clock.GetUtcNow();
        var deal = new Opportunity { Name = fields.Name, Currency = fields.Currency, PipelineId = pipeline.Id, StageId = stage.Id, LeadId = start.LeadId };
        await ApplyAsync(db, deal, fields, by, cancellationToken);
        deal.StageEnteredAt = now;
        deal.HighestStageOrder = stage.Order;
        deal.StageProbability = stage.DefaultProbability;
        deal.StageForecastCategory = stage.ForecastCategory;

        var verdict = gates.Evaluate(stage, OpportunityScriptView.Create(deal, stage, []), cancellationToken);
        if (!verdict.Passed)
        {
            throw new RuleViolationException($"The deal cannot start in stage '{stage.Name}': {verdict.Reason}", [new RuleViolation("stageId", verdict.Reason!)]);
        }

        db.Opportunities.Add(deal);
        db.Raise(() => SalesEvents.Opportunity(SalesEventNames.OpportunityCreated, deal, stage, now));
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        db.StageChanges.Add(new StageChange
        {
            OpportunityId = deal.Id, PipelineId = pipeline.Id, ToStageId = stage.Id, At = now, ByUserId = by.ToActor().UserId,
            Amount = deal.Amount, Probability = deal.Probability, ExpectedCloseDate = deal.ExpectedCloseDate,
        });
        await StageTracking.EnterAsync(db, deal.Id, stage.Id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return deal;
    }

    /// <summary>Changes a deal's fields (not its stage: see <see cref="MoveToStageAsync"/>).</summary>
    public async Task<Opportunity> UpdateAsync(long id, OpportunityFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var db = await databases.OpenAsync(cancellationToken);
        var deal = await db.Opportunities.Include(o => o.Lines).FindInScopeAsync(id, by, cancellationToken);
        deal.CheckVersion(expectedVersion);
        if (fields.ExpectedCloseDate > deal.ExpectedCloseDate)
        {
            deal.CloseDatePushCount++;
        }

        await ApplyAsync(db, deal, fields, by, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return deal;
    }

    /// <summary>Validates the fields as a whole (every violation at once) and sets them with what follows from them.</summary>
    private async Task ApplyAsync(ISalesDatabase db, Opportunity deal, OpportunityFields fields, SalesPrincipal by, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        var account = await db.Accounts.VisibleTo(by).AsNoTracking().FirstOrDefaultAsync(a => a.Id == fields.AccountId, cancellationToken);
        var rate = _options.RateOf(fields.Currency ?? "");
        var ownerId = fields.OwnerId ?? (deal.Id == 0 ? by.UserId : deal.OwnerId);
        var regionId = fields.RegionId ?? account?.RegionId;
        violations.RequireText(fields.Name, "name", "A deal needs a name.");
        violations.Require(account is not null, "accountId", $"There is no account {fields.AccountId}.");
        violations.Require(fields.Amount >= 0, "amount", "The amount cannot be negative.");
        violations.Require(rate is not null, "currency", $"There is no exchange rate for '{fields.Currency}' to {_options.ReportingCurrency}; use one of {string.Join(", ", _options.ExchangeRates.Keys.Prepend(_options.ReportingCurrency))}.");
        violations.Require(fields.ExpectedCloseDate != default, "expectedCloseDate", "A deal needs an expected close date.");
        violations.Require(fields.ProbabilityOverride is null or (>= 0 and <= 100), "probabilityOverride", "A probability is a percentage from 0 to 100.");
        await violations.OwnerAsync(db, ownerId, regionId, by, "a deal", cancellationToken);
        var lines = await LinesAsync(db, fields.Lines ?? [], violations, cancellationToken);
        violations.ThrowIfAny($"The deal '{fields.Name}' is not valid.");

        deal.Name = fields.Name.Trim();
        deal.AccountId = fields.AccountId;
        deal.Currency = fields.Currency!.ToUpperInvariant();
        deal.ExpectedCloseDate = fields.ExpectedCloseDate;
        deal.OwnerId = ownerId;
        deal.RegionId = regionId;
        deal.ProbabilityOverride = fields.ProbabilityOverride;
        deal.ForecastCategoryOverride = fields.ForecastCategoryOverride;
        deal.Competitor = fields.Competitor;
        if (fields.Lines is not null)
        {
            deal.Lines.Clear();
            deal.Lines.AddRange(lines);
        }

        // Without an amount of its own, a deal is worth its lines.
        deal.Amount = fields.Amount == 0 && deal.Lines.Count > 0 ? deal.Lines.Sum(l => l.Total) : fields.Amount;
        deal.AmountInReportingCurrency = Math.Round(deal.Amount * rate!.Value, 2);
    }

    private static async Task<List<OpportunityLine>> LinesAsync(ISalesDatabase db, IReadOnlyList<LineFields> lines, List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        var ids = lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var result = new List<OpportunityLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!products.TryGetValue(line.ProductId, out var product))
            {
                violations.Add(new RuleViolation($"lines[{i}].productId", $"There is no product {line.ProductId}."));
                continue;
            }

            violations.Require(line.Quantity > 0, $"lines[{i}].quantity", "A quantity must be more than 0.");
            violations.Require(line.DiscountPercent is >= 0 and <= 100, $"lines[{i}].discountPercent", "A discount is a percentage from 0 to 100.");
            result.Add(new OpportunityLine { ProductId = product.Id, Quantity = line.Quantity, UnitPrice = line.UnitPrice ?? product.Price, DiscountPercent = line.DiscountPercent });
        }

        return result;
    }

    private static async Task<Pipeline> PipelineForAsync(ISalesDatabase db, long? pipelineId, CancellationToken cancellationToken)
    {
        var pipelines = db.Pipelines.AsNoTracking().Include(p => p.Stages);
        return pipelineId is { } id
            ? await pipelines.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RuleViolationException("pipelineId", $"There is no pipeline {id}.")
            : await pipelines.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Id).FirstOrDefaultAsync(cancellationToken)
              ?? throw new RuleViolationException("pipelineId", "There is no pipeline yet; an admin sets one up first.");
    }
}
