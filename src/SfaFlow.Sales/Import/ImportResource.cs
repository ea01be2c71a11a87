namespace SfaFlow.Sales.Import;

/// <summary>What a CSV file imports.</summary>
public enum ImportResource
{
    Leads,
    Accounts,
    Contacts,
    Opportunities,
    Products,
}
