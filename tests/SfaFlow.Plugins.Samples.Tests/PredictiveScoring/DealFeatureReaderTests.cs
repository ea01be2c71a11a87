using System.Text.Json;
using SfaFlow.Plugins.PredictiveScoring;

namespace SfaFlow.Plugins.Samples.Tests.PredictiveScoring;

public sealed class DealFeatureReaderTests
{
    [Theory]
    [InlineData(0, "under 5,000")]
    [InlineData(4_999.99, "under 5,000")]
    [InlineData(5_000, "5,000 to 25,000")]
    [InlineData(99_999, "25,000 to 100,000")]
    [InlineData(100_000, "100,000 to 500,000")]
    [InlineData(750_000, "500,000 and more")]
    public void AmountBand_PutsAmountsInTheirBand(double amount, string band) => Assert.Equal(band, DealFeatureReader.AmountBand(amount));

    [Fact]
    public void Read_TakesDealAccountAndLeadFields_AndSkipsMissingOnes()
    {
        var deal = new Dictionary<string, object?>
        {
            ["pipelineId"] = 1L, ["regionId"] = 3.0, ["ownerId"] = 12, ["amount"] = 900.0, ["amountInReportingCurrency"] = 12_000.0,
            ["competitor"] = "  ", ["stage"] = "Won", ["probability"] = 100,
            ["lines"] = new List<object?>
            {
                new Dictionary<string, object?> { ["productId"] = 5.0 },
                new Dictionary<string, object?> { ["productId"] = 8L },
            },
        };
        var account = new Dictionary<string, object?> { ["industry"] = "Retail", ["country"] = "de", ["customerCategoryId"] = null };
        var lead = new Dictionary<string, object?> { ["source"] = "Web" };

        var features = DealFeatureReader.Read(deal, account, lead);

        Assert.Equal(new Dictionary<string, string>
        {
            [DealField.Pipeline] = "1", [DealField.Region] = "3", [DealField.Owner] = "12", [DealField.Industry] = "Retail",
            [DealField.Country] = "DE", [DealField.LeadSource] = "Web", [DealField.AmountBand] = "5,000 to 25,000",
        }, features.Values);
        Assert.Equal(["5", "8"], features.Sets[DealField.Product].Order());
    }

    [Fact]
    public void Read_ReadsJsonValuesAsScriptsAndRecordsMayCarryThem()
    {
        using var json = JsonDocument.Parse("""{"regionId": 4, "lines": [{"productId": 9}]}""");
        var deal = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());

        var features = DealFeatureReader.Read(deal, null, null);

        Assert.Equal("4", features.Values[DealField.Region]);
        Assert.Equal(["9"], features.Sets[DealField.Product]);
        Assert.False(features.Values.ContainsKey(DealField.AmountBand));
    }
}
