using SfaFlow.Plugins.PredictiveScoring;

namespace SfaFlow.Plugins.Samples.Tests.PredictiveScoring;

public sealed class WinModelTests
{
    private static readonly WinModelOptions AnyHistory = new() { MinimumWon = 1, MinimumLost = 1 };

    private static DealFeatures Deal(string? region = null, string? industry = null, string? owner = null, params string[] products) =>
        DealFeatures.Of(new Dictionary<string, string?> { [DealField.Region] = region, [DealField.Industry] = industry, [DealField.Owner] = owner }, products);

    private static List<DealFeatures> Deals(int count, Func<DealFeatures> deal) => Enumerable.Range(0, count).Select(_ => deal()).ToList();

    [Fact]
    public void Predict_ValueTwiceAsCommonInWonDeals_DoublesTheOdds()
    {
        // Won: A, A, A, B; lost: A, B, B, B. Prior odds 4/4 = 1. K = 2 values, α = 1:
        // P(A|won) = (3+1)/(4+2) = 4/6, P(A|lost) = (1+1)/(4+2) = 2/6, ratio 2, odds 2, probability 2/3 = 66.7 % -> 67.
        var won = Deals(3, () => Deal("A")).Append(Deal("B")).ToList();
        var lost = Deals(3, () => Deal("B")).Append(Deal("A")).ToList();
        var model = WinModel.Train(won, lost, AnyHistory);

        var a = model.Predict(Deal("A"));
        var b = model.Predict(Deal("B"));

        Assert.True(a.EnoughHistory);
        Assert.Equal(67, a.Probability);
        var factor = Assert.Single(a.Factors);
        Assert.Equal((DealField.Region, "A", 2.0, WinFactor.Raises, 3, 1), (factor.Field, factor.Value, factor.OddsRatio, factor.Direction, factor.Won, factor.Lost));
        Assert.Contains("multiplies the odds of winning by 2", factor.Text, StringComparison.Ordinal);
        Assert.Equal(33, b.Probability);
        Assert.Equal((0.5, WinFactor.Lowers), (b.Factors[0].OddsRatio, b.Factors[0].Direction));
        Assert.Contains("divides the odds of winning by 2", b.Factors[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_ValueSeenOnlyInWonDeals_IsSmoothedInsteadOfCertain()
    {
        // Won: A, A; lost: B, B. P(A|won) = (2+1)/(2+2) = 3/4, P(A|lost) = (0+1)/(2+2) = 1/4: ratio 3, 75 %, not 100 %.
        var model = WinModel.Train(Deals(2, () => Deal("A")), Deals(2, () => Deal("B")), AnyHistory);

        var prediction = model.Predict(Deal("A"));

        Assert.Equal(75, prediction.Probability);
        Assert.Equal(3.0, prediction.Factors[0].OddsRatio);
    }

    [Fact]
    public void Predict_SmoothingCountsEveryDistinctValueOfTheField()
    {
        // Three regions seen (K = 3). Won: A, A, C; lost: B, B, C. P(A|won) = (2+1)/(3+3) = 1/2, P(A|lost) = (0+1)/(3+3) = 1/6: ratio 3.
        var model = WinModel.Train([Deal("A"), Deal("A"), Deal("C")], [Deal("B"), Deal("B"), Deal("C")], AnyHistory);

        Assert.Equal(3.0, model.Predict(Deal("A")).Factors[0].OddsRatio);
        Assert.Equal(1.0, model.Predict(Deal("C")).Factors[0].OddsRatio);
        Assert.Equal(WinFactor.Neutral, model.Predict(Deal("C")).Factors[0].Direction);
    }

    [Fact]
    public void Predict_ManyFieldsAllPointingOneWay_IsClampedTo1And99AndSaysSo()
    {
        // Each field: (10+1)/(10+2) against (0+1)/(10+2), ratio 11; three fields: odds 1331, 99.92 % -> kept at 99.
        var model = WinModel.Train(Deals(10, () => Deal("A", "Retail", "1")), Deals(10, () => Deal("B", "Mining", "2")), AnyHistory);

        var sure = model.Predict(Deal("A", "Retail", "1"));
        var hopeless = model.Predict(Deal("B", "Mining", "2"));

        Assert.Equal(99, sure.Probability);
        Assert.Contains("The model gives 99.9 %; it is kept within 1 and 99 %", sure.Explanation, StringComparison.Ordinal);
        Assert.Equal(1, hopeless.Probability);
        Assert.All(hopeless.Factors, f => Assert.Equal(WinFactor.Lowers, f.Direction));
    }

    [Fact]
    public void Predict_UnseenAndMissingValues_AreNeutralAndLeaveThePrior()
    {
        // Prior: 3 won, 1 lost, odds 3, 75 %.
        var model = WinModel.Train(Deals(3, () => Deal("A")), [Deal("A")], AnyHistory);

        var unseen = model.Predict(Deal("Z"));
        var missing = model.Predict(Deal());

        Assert.Equal(75, unseen.Probability);
        var factor = Assert.Single(unseen.Factors);
        Assert.Equal((WinFactor.Neutral, 1.0, 0, 0), (factor.Direction, factor.OddsRatio, factor.Won, factor.Lost));
        Assert.Contains("never seen", factor.Text, StringComparison.Ordinal);
        Assert.Equal(75, missing.Probability);
        Assert.Empty(missing.Factors);
    }

    [Fact]
    public void Predict_ProductsCountAsPresentOrNot()
    {
        // 4 won (2 with product 10), 4 lost (none with it): P(10|won) = (2+1)/(4+2) = 1/2, P(10|lost) = (0+1)/(4+2) = 1/6, ratio 3, 75 %.
        var won = Deals(2, () => Deal(products: "10")).Concat(Deals(2, () => Deal())).ToList();
        var model = WinModel.Train(won, Deals(4, () => Deal()), AnyHistory);

        var prediction = model.Predict(Deal(products: ["10", "99"]));

        Assert.Equal(75, prediction.Probability);
        Assert.Equal((DealField.Product, "10", 3.0, WinFactor.Raises), (prediction.Factors[0].Field, prediction.Factors[0].Value, prediction.Factors[0].OddsRatio, prediction.Factors[0].Direction));
        Assert.Equal((DealField.Product, "99", WinFactor.Neutral), (prediction.Factors[1].Field, prediction.Factors[1].Value, prediction.Factors[1].Direction));
    }

    [Fact]
    public void Predict_FactorsThatCancelOut_GiveThePriorAndAreListedStrongestFirst()
    {
        // Region A: ratio 2 (as above); industry Mining: 1 won of 4, 3 lost of 4, ratio 0.5 ... odds 1 x 2 x 0.5 = 1: 50 %.
        var won = new List<DealFeatures> { Deal("A", "Mining"), Deal("A", "Retail"), Deal("A", "Retail"), Deal("B", "Retail") };
        var lost = new List<DealFeatures> { Deal("A", "Mining"), Deal("B", "Mining"), Deal("B", "Mining"), Deal("B", "Retail") };
        var model = WinModel.Train(won, lost, AnyHistory);

        var prediction = model.Predict(Deal("A", "Mining", "7"));

        Assert.Equal(50, prediction.Probability);
        Assert.Equal([DealField.Industry, DealField.Region, DealField.Owner], prediction.Factors.Select(f => f.Field));
        Assert.Contains("Raised by: Region A (×2).", prediction.Explanation, StringComparison.Ordinal);
        Assert.Contains("Lowered by: Industry Mining (×0.5).", prediction.Explanation, StringComparison.Ordinal);
        Assert.Contains("No effect: Owner 7.", prediction.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_TooLittleHistory_KeepsTheDealsOwnProbabilityOrThePrior()
    {
        var model = WinModel.Train(Deals(3, () => Deal("A")), Deals(2, () => Deal("B")), new WinModelOptions());

        var own = model.Predict(Deal("A"), ownProbability: 40);
        var prior = model.Predict(Deal("A"));
        var none = WinModel.Train([], [], new WinModelOptions()).Predict(Deal("A"));

        Assert.False(own.EnoughHistory);
        Assert.Equal(40, own.Probability);
        Assert.Empty(own.Factors);
        Assert.Contains("Only 3 won and 2 lost deals in the history; the model needs at least 5 won and 5 lost.", own.Explanation, StringComparison.Ordinal);
        Assert.Contains("Keeping the deal's own probability: 40 %", own.Explanation, StringComparison.Ordinal);
        Assert.Equal(60, prior.Probability);
        Assert.Equal(50, none.Probability);
    }

    [Fact]
    public void Predict_WonDealsButNoLostOnes_IsNotEnoughEvenWithNoMinimum()
    {
        var model = WinModel.Train(Deals(4, () => Deal("A")), [], new WinModelOptions { MinimumWon = 0, MinimumLost = 0 });

        var prediction = model.Predict(Deal("A"), ownProbability: 30);

        Assert.False(prediction.EnoughHistory);
        Assert.Equal(30, prediction.Probability);
    }
}
