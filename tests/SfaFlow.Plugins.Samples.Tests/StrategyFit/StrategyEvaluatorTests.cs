using SfaFlow.Plugins.StrategyFit;

namespace SfaFlow.Plugins.Samples.Tests.StrategyFit;

public sealed class StrategyEvaluatorTests
{
    private static Strategy Strategy(StrategyThresholds? thresholds, params StrategyCriterion[] criteria) => new("Test", criteria, thresholds ?? StrategyThresholds.Default);

    private static StrategyCriterion C(string id, string dimension, double weight, double score, string? advice = null) => new(id, dimension, id, weight, score, advice);

    private static Strategy Uniform(double suitability, double feasibility, double acceptability, StrategyThresholds? thresholds = null) => Strategy(thresholds,
        C("s", StrategyDimension.Suitability, 1, suitability), C("f", StrategyDimension.Feasibility, 1, feasibility), C("a", StrategyDimension.Acceptability, 1, acceptability));

    [Fact]
    public void Evaluate_WeightsCriteriaWithinTheirDimension_AndAveragesTheDimensions()
    {
        // Suitability: weight 3 at 5 (100) and weight 1 at 1 (0): 300/4 = 75. Feasibility: 3 (50). Acceptability: 4 (75) and 2 (25): 50.
        // Overall (75 + 50 + 50)/3 = 58.3: between 50 and 70.
        var evaluation = StrategyEvaluator.Evaluate(Strategy(null,
            C("market", StrategyDimension.Suitability, 3, 5), C("position", StrategyDimension.Suitability, 1, 1),
            C("resources", StrategyDimension.Feasibility, 2, 3),
            C("return", StrategyDimension.Acceptability, 1, 4), C("risk", StrategyDimension.Acceptability, 1, 2, "Pilot it first.")));

        Assert.Equal([75.0, 50.0, 50.0], evaluation.Dimensions.Select(d => d.Score));
        Assert.Equal(58.3, evaluation.Overall);
        Assert.Equal(StrategyVerdict.PursueWithChanges, evaluation.Verdict);
        // Points lost overall: resources 1 x 50 / 3 = 16.7; risk 1/2 x 75 / 3 = 12.5; position 1/4 x 100 / 3 = 8.3; return 4.2; market 0.
        Assert.Equal([("resources", 16.7), ("risk", 12.5), ("position", 8.3)], evaluation.Weakest.Select(w => (w.Id, w.PointsLost)));
        Assert.Equal(StrategyDimension.Advice(StrategyDimension.Feasibility), evaluation.Weakest[0].Advice);
        Assert.Equal("Pilot it first.", evaluation.Weakest[1].Advice);
        Assert.StartsWith("Pursue with changes: overall 58.3 is at least 50 but below 70.", evaluation.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 5, 5, StrategyVerdict.Pursue)]
    [InlineData(3.8, 3.8, 3.8, StrategyVerdict.Pursue)] // 70 exactly: the pursue line is inclusive
    [InlineData(3.7, 3.8, 3.8, StrategyVerdict.PursueWithChanges)] // 69.2
    [InlineData(3, 3, 3, StrategyVerdict.PursueWithChanges)] // 50 exactly: not below the reject line
    [InlineData(2.9, 3, 3, StrategyVerdict.Reject)] // 49.2
    [InlineData(5, 5, 2, StrategyVerdict.Reject)] // overall 75, but acceptability 25 is below the floor of 40
    [InlineData(5, 5, 2.6, StrategyVerdict.Pursue)] // acceptability 40 is on the floor, overall 80
    public void Evaluate_AppliesTheDocumentedThresholds(double suitability, double feasibility, double acceptability, string verdict) =>
        Assert.Equal(verdict, StrategyEvaluator.Evaluate(Uniform(suitability, feasibility, acceptability)).Verdict);

    [Fact]
    public void Evaluate_DimensionBelowTheFloor_RejectsAndNamesIt()
    {
        var evaluation = StrategyEvaluator.Evaluate(Uniform(5, 1.5, 5));

        Assert.Equal(StrategyVerdict.Reject, evaluation.Verdict);
        Assert.True(evaluation.Dimensions[1].BelowFloor);
        Assert.StartsWith("Reject: feasibility below the floor of 40", evaluation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WithOwnThresholds_UsesThem()
    {
        var strict = new StrategyThresholds(Pursue: 90, Reject: 80, Floor: 70);

        Assert.Equal(StrategyVerdict.Reject, StrategyEvaluator.Evaluate(Uniform(4, 4, 4, strict)).Verdict);
        Assert.Equal(StrategyVerdict.PursueWithChanges, StrategyEvaluator.Evaluate(Uniform(4.5, 4.5, 4.5, strict)).Verdict);
    }

    [Fact]
    public void Evaluate_EveryCriterionAtFive_HasNoWeakest()
    {
        var evaluation = StrategyEvaluator.Evaluate(Uniform(5, 5, 5));

        Assert.Equal(100, evaluation.Overall);
        Assert.Empty(evaluation.Weakest);
    }

    [Fact]
    public void Evaluate_TiesInPointsLost_PutTheLowerScoreFirst()
    {
        // a1: weight 1 of 2 at 3 (50) loses 1/2 x 50 / 3 = 8.3; f: weight 1 of 4 at 1 (0) loses 1/4 x 100 / 3 = 8.3; the score 1 comes first.
        var evaluation = StrategyEvaluator.Evaluate(Strategy(null,
            C("s", StrategyDimension.Suitability, 1, 5), C("f", StrategyDimension.Feasibility, 1, 1), C("f2", StrategyDimension.Feasibility, 3, 5),
            C("a1", StrategyDimension.Acceptability, 1, 3), C("a2", StrategyDimension.Acceptability, 1, 5)));

        Assert.Equal(["f", "a1"], evaluation.Weakest.Select(w => w.Id));
    }
}
