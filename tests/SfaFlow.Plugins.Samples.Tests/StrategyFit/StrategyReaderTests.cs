using System.Text.Json;
using SfaFlow.Plugins.Operations;
using SfaFlow.Plugins.StrategyFit;

namespace SfaFlow.Plugins.Samples.Tests.StrategyFit;

public sealed class StrategyReaderTests
{
    private const string Valid = """
        {"name": "Austria", "criteria": [
          {"id": "fit", "dimension": "suitability", "name": "Fit", "weight": 2, "score": 4},
          {"dimension": "Feasibility", "name": "Resources", "weight": 1, "score": 3, "advice": "Hire."},
          {"id": "return", "dimension": "ACCEPTABILITY", "name": "Return", "weight": 1.5, "score": 5}
        ], "thresholds": {"pursue": 80}}
        """;

    [Fact]
    public void Parse_ReadsCriteriaInAnyCaseAndKeepsDefaultsForMissingThresholds()
    {
        var strategy = StrategyReader.Parse(Valid);

        Assert.Equal("Austria", strategy.Name);
        Assert.Equal(new StrategyCriterion("2", StrategyDimension.Feasibility, "Resources", 1, 3, "Hire."), strategy.Criteria[1]);
        Assert.Equal([StrategyDimension.Suitability, StrategyDimension.Feasibility, StrategyDimension.Acceptability], strategy.Criteria.Select(c => c.Dimension));
        Assert.Equal(new StrategyThresholds(80, 50, 40), strategy.Thresholds);
    }

    [Theory]
    [InlineData("""[1]""", null)]
    [InlineData("""{"criteria": []}""", "criteria")]
    [InlineData("""{"criteria": [{"dimension": "Suitability", "name": "a", "weight": 1, "score": 3}]}""", "criteria")]
    [InlineData("""{"criteria": [{"dimension": "Suitability", "name": "a", "weight": 1, "score": 3}, {"dimension": "Fun", "name": "b", "weight": 1, "score": 3}]}""", "criteria[1].dimension")]
    [InlineData("""{"criteria": [{"dimension": "Suitability", "weight": 1, "score": 3}]}""", "criteria[0].name")]
    [InlineData("""{"criteria": [{"dimension": "Suitability", "name": "a", "weight": 1, "score": 3}, {"dimension": "Feasibility", "name": "b", "weight": 1, "score": 3}, {"dimension": "Acceptability", "name": "c", "weight": -2, "score": 3}]}""", "criteria[2].weight")]
    [InlineData("""{"criteria": [{"dimension": "Suitability", "name": "a", "weight": "heavy", "score": 3}]}""", "criteria[0].weight")]
    [InlineData("""{"criteria": [{"dimension": "Suitability", "name": "a", "weight": 1, "score": 6}]}""", "criteria[0].score")]
    [InlineData("""{"criteria": [{"dimension": "Suitability", "name": "a", "weight": 1}]}""", "criteria[0].score")]
    [InlineData("""{"criteria": ["fit"]}""", "criteria[0]")]
    [InlineData("""{"criteria": [{"id": "x", "dimension": "Suitability", "name": "a", "weight": 1, "score": 3}, {"id": "X", "dimension": "Feasibility", "name": "b", "weight": 1, "score": 3}, {"dimension": "Acceptability", "name": "c", "weight": 1, "score": 3}]}""", "criteria[1].id")]
    public void Read_InvalidStrategy_NamesThePathOfTheBadField(string json, string? path)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<PluginInputException>(() => StrategyReader.Read(document.RootElement));

        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("""{"pursue": 40, "reject": 60}""", "thresholds.reject")]
    [InlineData("""{"floor": 120}""", "thresholds.floor")]
    [InlineData("""{"pursue": "high"}""", "thresholds.pursue")]
    public void Read_InvalidThresholds_NamesThePath(string thresholds, string path)
    {
        var json = Valid.Replace("""{"pursue": 80}""", thresholds, StringComparison.Ordinal);

        var error = Assert.Throws<PluginInputException>(() => StrategyReader.Parse(json));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Parse_NotJson_IsAnInputErrorForTheWholeBody()
    {
        var error = Assert.Throws<PluginInputException>(() => StrategyReader.Parse("{criteria: "));

        Assert.Null(error.Path);
        Assert.StartsWith("The strategy is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThresholdsGivenApart_ReplaceTheStrategysOwn()
    {
        var strategy = StrategyReader.Parse(Valid, StrategyReader.Thresholds(null, 60, null));

        Assert.Equal(new StrategyThresholds(70, 60, 40), strategy.Thresholds);
    }
}
