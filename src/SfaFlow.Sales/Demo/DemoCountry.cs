namespace SfaFlow.Sales.Demo;

/// <summary>
/// A country the demo sells in: its region, its Bogus locale (people's names and phone numbers that look local), real
/// city names and local company forms (Bogus' own are English patterns: "Port Davidtown", "X, Y and Z"), and its
/// currency with a fixed rate to the reporting currency (EUR), so reports show what mixed currencies do to sums.
/// </summary>
internal sealed record DemoCountry(string Code, string Name, string Region, string Locale, string Currency, decimal RateToEur)
{
    public const string ReportingCurrency = "EUR";

    public required IReadOnlyList<string> Cities { get; init; }

    /// <summary>Legal forms, the commonest first and repeated for weight.</summary>
    public required IReadOnlyList<string> LegalForms { get; init; }

    /// <summary>Trade words that go between a family name and the legal form ("Berger Logistik GmbH").</summary>
    public required IReadOnlyList<string> TradeWords { get; init; }

    /// <summary>Names of public bodies, with <c>{0}</c> for the city.</summary>
    public required IReadOnlyList<string> PublicBodies { get; init; }

    public static IReadOnlyList<DemoCountry> All { get; } =
    [
        new("DE", "Germany", DemoNames.Dach, "de", "EUR", 1m)
        {
            Cities = ["Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund", "Bremen", "Dresden", "Hannover", "Nürnberg", "Augsburg", "Freiburg", "Regensburg", "Münster", "Kassel", "Ulm", "Mainz"],
            LegalForms = ["GmbH", "GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG"],
            TradeWords = ["Logistik", "Technik", "Handel", "Maschinenbau", "Systeme", "Bau", "Energie", "Medizintechnik", "Lebensmittel"],
            PublicBodies = ["Stadtwerke {0}", "Stadt {0}", "Landratsamt {0}", "Klinikum {0}"],
        },
        new("AT", "Austria", DemoNames.Dach, "de_AT", "EUR", 1m)
        {
            Cities = ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Villach", "Wels", "St. Pölten", "Dornbirn"],
            LegalForms = ["GmbH", "GmbH", "AG", "KG"],
            TradeWords = ["Logistik", "Technik", "Handel", "Bau", "Energie", "Holz"],
            PublicBodies = ["Magistrat {0}", "Stadtwerke {0}", "Landeskrankenhaus {0}"],
        },
        new("CH", "Switzerland", DemoNames.Dach, "de_CH", "CHF", 1.06m)
        {
            Cities = ["Zürich", "Basel", "Bern", "Luzern", "St. Gallen", "Winterthur", "Zug", "Aarau", "Thun", "Chur"],
            LegalForms = ["AG", "AG", "GmbH"],
            TradeWords = ["Logistik", "Technik", "Handel", "Pharma", "Präzision", "Bau"],
            PublicBodies = ["Stadt {0}", "Spital {0}", "Industrielle Werke {0}"],
        },
        new("SE", "Sweden", DemoNames.Nordics, "sv", "SEK", 0.088m)
        {
            Cities = ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Helsingborg", "Jönköping", "Norrköping", "Umeå", "Luleå"],
            LegalForms = ["AB"],
            TradeWords = ["Logistik", "Teknik", "Handel", "Bygg", "Energi", "Maskin", "Livsmedel"],
            PublicBodies = ["{0} kommun", "Region {0}", "{0} Energi"],
        },
        new("NO", "Norway", DemoNames.Nordics, "nb_NO", "NOK", 0.085m)
        {
            Cities = ["Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Kristiansand", "Tromsø", "Fredrikstad", "Bodø", "Ålesund"],
            LegalForms = ["AS", "AS", "ASA"],
            TradeWords = ["Logistikk", "Teknikk", "Handel", "Bygg", "Energi", "Sjømat"],
            PublicBodies = ["{0} kommune", "{0} Energi", "Helse {0}"],
        },
        new("FI", "Finland", DemoNames.Nordics, "fi", "EUR", 1m)
        {
            Cities = ["Helsinki", "Espoo", "Tampere", "Vantaa", "Oulu", "Turku", "Jyväskylä", "Lahti", "Kuopio", "Pori"],
            LegalForms = ["Oy", "Oy", "Oyj"],
            TradeWords = ["Logistiikka", "Tekniikka", "Kauppa", "Rakennus", "Energia", "Metalli"],
            // Finnish names public bodies in the genitive ("Helsingin kaupunki"), which a pattern cannot form.
            PublicBodies = ["City of {0}", "{0} Energy"],
        },
    ];

    /// <summary>How often each country's accounts and leads occur (DACH a little bigger than the Nordics).</summary>
    public static float[] Weights { get; } = [0.33f, 0.11f, 0.11f, 0.20f, 0.13f, 0.12f];
}
