namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>The fields the model learns from, with the words used for them in explanations.</summary>
public static class DealField
{
    /// <summary>The deal's pipeline id.</summary>
    public const string Pipeline = "pipeline";

    /// <summary>The deal's region id.</summary>
    public const string Region = "region";

    /// <summary>The deal's owner (user id).</summary>
    public const string Owner = "owner";

    /// <summary>The account's customer category id.</summary>
    public const string CustomerCategory = "customerCategory";

    /// <summary>The account's industry.</summary>
    public const string Industry = "industry";

    /// <summary>The account's country.</summary>
    public const string Country = "country";

    /// <summary>The source of the lead the deal came from.</summary>
    public const string LeadSource = "leadSource";

    /// <summary>The amount, in bands (see <see cref="DealFeatureReader.AmountBand"/>).</summary>
    public const string AmountBand = "amountBand";

    /// <summary>The competitor named on the deal.</summary>
    public const string Competitor = "competitor";

    /// <summary>A product on the deal's lines; a deal can have several, each counted on its own.</summary>
    public const string Product = "product";

    /// <summary>The field's name in explanations.</summary>
    /// <param name="field">One of the constants.</param>
    public static string Label(string field) => field switch
    {
        Pipeline => "Pipeline",
        Region => "Region",
        Owner => "Owner",
        CustomerCategory => "Customer category",
        Industry => "Industry",
        Country => "Country",
        LeadSource => "Lead source",
        AmountBand => "Amount",
        Competitor => "Competitor",
        Product => "Product",
        _ => field,
    };
}
