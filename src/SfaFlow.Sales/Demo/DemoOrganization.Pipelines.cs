using SfaFlow.Sales.Pipelines;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    // Gate conditions are JavaScript over the deal (camelCase fields, as scripts see records); each names what the stage
    // needs before a deal may enter it, so a refused move can say so in plain words.
    private const string HasAmount = "opportunity.amount > 0";
    private const string HasProducts = "opportunity.lines.length > 0";
    private const string HasCloseDate = "opportunity.expectedCloseDate != null";
    private const string HasLostReason = "opportunity.lostReason != null && opportunity.lostReason.trim().length > 0";
    private const string CanBecomeOrder = "opportunity.amount > 0 && opportunity.lines.length > 0";

    /// <summary>The task <c>workflows/opportunity-stage-gates.json</c> gives a deal's owner when the deal enters Proposal.</summary>
    private const string SendProposalTask = "Send proposal";
    private const string ProposalSent = $"opportunity.completedTasks.includes('{SendProposalTask}')";

    /// <summary>How many days deals typically stay in each open stage: what the history simulation draws around.</summary>
    private readonly Dictionary<long, double> _typicalDays = [];

    private void AddPipelines()
    {
        AddPipeline(DemoNames.NewBusiness, productLine: null, team: null, skipping: false, backwards: true, isDefault: true,
        [
            Open("Prospecting", 10, ForecastCategory.Pipeline, 14, 6, null, null),
            Open("Qualification", 20, ForecastCategory.Pipeline, 21, 10, HasAmount, "Enter an estimated amount to qualify the deal."),
            Open("Needs Analysis", 40, ForecastCategory.Pipeline, 21, 14, HasProducts, "Add at least one product before the needs analysis."),
            Open("Proposal", 60, ForecastCategory.BestCase, 14, 12, $"{HasAmount} && {HasCloseDate}", "A proposal needs an amount and an expected close date."),
            Open("Negotiation", 80, ForecastCategory.Commit, 14, 10, $"{HasCloseDate} && {ProposalSent}",
                $"Negotiation needs an expected close date and the task '{SendProposalTask}' completed (the proposal went out)."),
            Won("Closed Won"),
            Lost("Closed Lost"),
        ]);
        AddPipeline(DemoNames.Renewals, DemoNames.Software, DemoNames.InsideSales, skipping: true, backwards: true, isDefault: false,
        [
            Open("Renewal Due", 50, ForecastCategory.Pipeline, 30, 18, null, null),
            Open("Quote Sent", 70, ForecastCategory.BestCase, 21, 12, HasAmount, "Send a quote with an amount first."),
            Open("Verbal Commit", 90, ForecastCategory.Commit, 10, 6, HasCloseDate, "A verbal commit needs the renewal date."),
            Won("Renewed"),
            Lost("Churned"),
        ]);
        // Public bodies cannot reopen a submitted bid, hence no moving backwards without an override.
        AddPipeline(DemoNames.PublicTenders, productLine: null, team: null, skipping: false, backwards: false, isDefault: false,
        [
            Open("Tender Published", 5, ForecastCategory.Pipeline, 30, 10, null, null),
            Open("Bid Preparation", 20, ForecastCategory.Pipeline, 21, 24, HasCloseDate, "Enter the award date the tender names."),
            Open("Bid Submitted", 50, ForecastCategory.BestCase, 45, 35, CanBecomeOrder, "A bid needs its products and total."),
            Open("Shortlisted", 70, ForecastCategory.Commit, 30, 20, null, null),
            Won("Awarded"),
            Lost("Not Awarded"),
        ]);
    }

    private void AddPipeline(string name, string? productLine, string? team, bool skipping, bool backwards, bool isDefault, (Stage Stage, double Days)[] stages)
    {
        var pipeline = new Pipeline
        {
            Id = Pipelines.Count + 1,
            Name = name,
            ProductLine = productLine,
            TeamId = team is null ? null : TeamNamed(team).Id,
            AllowSkippingStages = skipping,
            AllowMovingBackwards = backwards,
            IsDefault = isDefault,
            CreatedAt = SetUpAt,
            UpdatedAt = SetUpAt,
        };
        var nextId = Pipelines.Sum(p => p.Stages.Count) + 1;
        foreach (var (stage, days) in stages)
        {
            stage.Id = nextId++;
            stage.PipelineId = pipeline.Id;
            stage.Order = pipeline.Stages.Count + 1;
            pipeline.Stages.Add(stage);
            _typicalDays[stage.Id] = days;
        }

        Pipelines.Add(pipeline);
    }

    private static (Stage, double) Open(string name, int probability, ForecastCategory category, int stallDays, double typicalDays, string? gate, string? message) =>
        (new Stage
        {
            Name = name,
            DefaultProbability = probability,
            ForecastCategory = category,
            StallThresholdDays = stallDays,
            GateCondition = gate,
            GateMessage = message,
        }, typicalDays);

    private static (Stage, double) Won(string name) =>
        (new Stage
        {
            Name = name,
            DefaultProbability = 100,
            ForecastCategory = ForecastCategory.Closed,
            GateCondition = CanBecomeOrder,
            GateMessage = "A won deal needs its products and amount: they become the order.",
            IsWon = true,
        }, 0);

    private static (Stage, double) Lost(string name) =>
        (new Stage
        {
            Name = name,
            DefaultProbability = 0,
            ForecastCategory = ForecastCategory.Omitted,
            GateCondition = HasLostReason,
            GateMessage = "Say why the deal was lost.",
            IsLost = true,
        }, 0);

    private Pipeline PipelineNamed(string name) => Pipelines.Single(p => p.Name == name);
}
