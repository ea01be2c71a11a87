namespace SfaFlow.Sales.Demo;

/// <summary>
/// A country the demo sells in: its region, its Bogus locale (names, cities, phone numbers that look local) and its
/// currency with a fixed rate to the reporting currency (EUR), so reports show what mixed currencies do to sums.
/// </summary>
internal sealed record DemoCountry(string Code, string Name, string Region, string Locale, string Currency, decimal RateToEur, string PublicBody)
{
    public const string ReportingCurrency = "EUR";

    public static IReadOnlyList<DemoCountry> All { get; } =
    [
        new("DE", "Germany", DemoNames.Dach, "de", "EUR", 1m, "Stadtwerke {0}"),
        new("AT", "Austria", DemoNames.Dach, "de_AT", "EUR", 1m, "Magistrat {0}"),
        new("CH", "Switzerland", DemoNames.Dach, "de_CH", "CHF", 1.06m, "Gemeinde {0}"),
        new("SE", "Sweden", DemoNames.Nordics, "sv", "SEK", 0.088m, "{0} kommun"),
        new("NO", "Norway", DemoNames.Nordics, "nb_NO", "NOK", 0.085m, "{0} kommune"),
        new("FI", "Finland", DemoNames.Nordics, "fi", "EUR", 1m, "{0} kaupunki"),
    ];

    /// <summary>How often each country's accounts and leads occur (DACH a little bigger than the Nordics).</summary>
    public static float[] Weights { get; } = [0.33f, 0.11f, 0.11f, 0.20f, 0.13f, 0.12f];
}
