using System.Globalization;
using System.Text;

namespace SfaFlow.Sales.Demo;

/// <summary>The words the demo's records are made of, where Bogus has nothing business-like (it would say Lorem ipsum).</summary>
internal static class DemoText
{
    public static readonly string[] Industries =
    [
        "Manufacturing", "Wholesale", "Retail", "Logistics", "Food and beverage", "Pharma", "Medical devices",
        "Construction", "Energy", "Automotive suppliers", "Facility services", "Agriculture",
    ];

    public static readonly string[] Titles =
    [
        "Managing Director", "Head of Sales", "Sales Operations Manager", "IT Manager", "CFO", "Procurement Manager",
        "Field Service Manager", "Project Lead", "Key Account Manager", "Operations Director", "Purchasing Agent",
    ];

    public static readonly string[] LeadSources = ["Web form", "Trade fair", "Referral", "Webinar", "Cold call", "Partner"];

    public static readonly float[] LeadSourceWeights = [0.30f, 0.15f, 0.15f, 0.15f, 0.10f, 0.15f];

    public static readonly string[] DisqualifiedReasons =
    [
        "No budget this year", "Too small for our offering", "Private person", "Duplicate of an existing lead",
        "Not reachable after five attempts", "Works for a competitor",
    ];

    public static readonly string[] LostReasons =
    [
        "Price too high", "Lost to a competitor", "No decision, project stopped", "Budget cut", "Missing feature",
        "Postponed to next year",
    ];

    public static readonly string[] ChurnReasons = ["Switched to a competitor", "Company downsized", "Budget cut", "Product not used enough"];

    // Fictitious competitors, so the demo names no real company.
    public static readonly string[] Competitors = ["Northwind CRM", "Contoso Sales Cloud", "Fabrikam Field", "Tailspin SFA", "Litware Suite"];

    public static readonly string[] SkipReasons =
    [
        "Customer had already done the analysis with a partner", "Framework agreement in place", "Fast-tracked at the customer's request",
    ];

    public static readonly string[] BackReasons = ["Tender reopened by the contracting authority", "Requirements changed after the customer's review"];

    public static readonly string[] Notes =
    [
        "Asked for a reference customer in their industry.", "Budget approval expected next month.", "The COO decides.",
        "Wants a pilot with five users first.", "Prefers yearly billing.", "A competitor offered a lower price.",
        "Send the security whitepaper.", "Interested in route planning for the field team.", "IT needs single sign-on.",
    ];

    public static readonly string[] CallOutcomes = ["Reached, interested", "No answer", "Left a voicemail", "Call back next week", "Not interested now"];

    public static readonly string[] MeetingOutcomes = ["Positive", "Needs a follow-up", "Decision postponed", "Demo given"];

    /// <summary>Lower-case ASCII letters and digits of the first words of a name, for a made-up web domain.</summary>
    public static string Slug(string name, int words = 2)
    {
        var text = new StringBuilder();
        var taken = 0;
        foreach (var word in name.Split([' ', '-', '&', ',', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            var ascii = Ascii(word);
            if (ascii.Length == 0 || taken == words)
            {
                continue;
            }

            text.Append(ascii);
            taken++;
        }

        return text.Length > 0 ? text.ToString() : "company";
    }

    private static string Ascii(string word)
    {
        var text = new StringBuilder();
        foreach (var c in word.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal)
                     .Replace("æ", "ae", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
