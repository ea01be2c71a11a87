namespace SfaFlow.Sales.Demo;

/// <summary>The names the demo's users, regions, teams and pipelines refer to each other by.</summary>
internal static class DemoNames
{
    public const string World = "World";
    public const string Emea = "EMEA";
    public const string Dach = "DACH";
    public const string Nordics = "Nordics";

    public const string DachField = "DACH Field Sales";
    public const string NordicsField = "Nordics Field Sales";
    public const string InsideSales = "Inside Sales";

    public const string NewBusiness = "New Business";
    public const string Renewals = "Renewals";
    public const string PublicTenders = "Public Tenders";

    public const string Enterprise = "Enterprise";
    public const string MidMarket = "Mid-market";
    public const string SmallBusiness = "Small business";
    public const string PublicSector = "Public sector";

    public const string Software = "Software";
    public const string Devices = "Devices";
    public const string Services = "Services";
}
