using Bogus;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Products;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Demo;

/// <summary>
/// The demo organization, generated in memory before anything is written: every record with its id, its foreign keys and
/// its historical times already set. Ids are assigned here rather than by the database so that the whole graph is known
/// up front and the same seed and day always give the same rows, whatever order EF Core inserts them in. Nothing here
/// reads the clock: "today" is passed in, every other moment is reckoned from it.
/// </summary>
internal sealed partial class DemoOrganization
{
    /// <summary>The seed the host uses; any other gives a different organization of the same shape.</summary>
    public const int DefaultSeed = 20_261_127;

    private readonly Randomizer _random;
    private readonly DemoCalendar _calendar;
    private readonly Dictionary<string, Faker> _fakers = new(StringComparer.Ordinal);

    private DemoOrganization(DateOnly today, int seed)
    {
        _random = new Randomizer(seed);
        _calendar = new DemoCalendar(today, _random);
        foreach (var country in DemoCountry.All)
        {
            // One randomizer behind every locale: the sequence of draws, not the locale, decides what comes out.
            _fakers[country.Code] = new Faker(country.Locale) { Random = _random };
        }
    }

    public DateOnly Today => _calendar.Today;

    public List<Region> Regions { get; } = [];

    public List<Team> Teams { get; } = [];

    public List<SalesUser> Users { get; } = [];

    public List<CustomerCategory> Categories { get; } = [];

    public List<Pipeline> Pipelines { get; } = [];

    public List<Product> Products { get; } = [];

    public List<Account> Accounts { get; } = [];

    public List<Contact> Contacts { get; } = [];

    public List<Lead> Leads { get; } = [];

    public List<Opportunity> Opportunities { get; } = [];

    public List<StageChange> StageChanges { get; } = [];

    public List<StageVisit> StageVisits { get; } = [];

    public List<Order> Orders { get; } = [];

    public List<SalesActivity> Activities { get; } = [];

    /// <summary>Every record that carries created and updated times (which saving would otherwise stamp with "now").</summary>
    public IEnumerable<SalesRecord> Records =>
    [
        .. Regions, .. Teams, .. Users, .. Categories, .. Pipelines, .. Products, .. Accounts, .. Contacts, .. Leads,
        .. Opportunities, .. Orders, .. Activities,
    ];

    public static DemoOrganization Generate(DateOnly today, int seed = DefaultSeed)
    {
        var demo = new DemoOrganization(today, seed);
        demo.AddOrganization();
        demo.AddCatalog();
        demo.AddAccounts();
        demo.AddOpportunities();
        demo.AddContacts();
        demo.AddLeads();
        demo.AddOrders();
        demo.SettleAccounts();
        demo.AddActivities();
        return demo;
    }

    private Faker Faker(string countryCode) => _fakers[countryCode];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Number(0, items.Count - 1)];

    /// <summary>One of the items, each as likely as its weight (weights need not sum to one).</summary>
    private T Pick<T>(IReadOnlyList<T> items, float[] weights)
    {
        // Summed in a plain loop, in order: a vectorized sum may round differently on another processor.
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var draw = _random.Double() * total;
        for (var i = 0; i < items.Count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    /// <summary>
    /// A positive factor around 1 with a long right tail (log-normal): how long real stages and cycles vary. Built from
    /// additions, multiplications and divisions only, which IEEE 754 rounds the same everywhere, so the same seed gives the
    /// same organization on every platform (Math.Exp, Log and Cos may differ in the last bit between C runtimes).
    /// </summary>
    private double Spread(double sigma)
    {
        // Twelve uniforms less six: close to a standard normal (Irwin-Hall).
        var normal = -6.0;
        for (var i = 0; i < 12; i++)
        {
            normal += _random.Double();
        }

        return Exp(sigma * normal);
    }

    /// <summary>e to the x as (e to the x/16) to the 16th, the inner power by its Taylor series (exact to double precision for |x| &lt;= 6).</summary>
    private static double Exp(double x)
    {
        var y = x / 16;
        double term = 1, sum = 1;
        for (var n = 1; n <= 14; n++)
        {
            term *= y / n;
            sum += term;
        }

        for (var i = 0; i < 4; i++)
        {
            sum *= sum;
        }

        return sum;
    }
}
