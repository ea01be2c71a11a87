namespace SfaFlow.Sales.Opportunities;

public enum OpportunityStatus
{
    Open,
    Won,
    Lost,
}
