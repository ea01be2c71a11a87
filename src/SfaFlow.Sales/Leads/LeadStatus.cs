namespace SfaFlow.Sales.Leads;

public enum LeadStatus
{
    New,
    Working,
    Qualified,
    Disqualified,
    Converted,
}
