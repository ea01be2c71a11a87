namespace SfaFlow.Sales.Pipelines;

/// <summary>Forecast categories as Salesforce and HubSpot name them (METRICS.md 2.2).</summary>
public enum ForecastCategory
{
    Pipeline,
    BestCase,
    Commit,
    Closed,
    Omitted,
}
