using System.Globalization;
using SfaFlow.Sales.Accounts;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    private const int AccountCount = 300;
    private const int ContactCount = 600;

    private static readonly string[] CategoryNames = [DemoNames.Enterprise, DemoNames.MidMarket, DemoNames.SmallBusiness, DemoNames.PublicSector];

    /// <summary>What the demo knows of an account beyond its record: where it is, its made-up domain, its segment.</summary>
    private readonly Dictionary<long, (DemoCountry Country, string Domain, string Category)> _accountFacts = [];

    private void AddAccounts()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < AccountCount; i++)
        {
            var country = Pick(DemoCountry.All, DemoCountry.Weights);
            var faker = Faker(country.Code);
            var category = Pick(CategoryNames, [0.2f, 0.35f, 0.3f, 0.15f]);
            var city = Pick(country.Cities);
            // Two accounts of the same name would look like a data-quality problem in the demo, not like two customers.
            var name = CompanyName(country, category, city);
            for (var attempt = 0; !names.Add(name); attempt++)
            {
                name = attempt < 10 ? CompanyName(country, category, Pick(country.Cities)) : $"{name} {attempt}";
            }

            var domain = DemoText.Slug(name) + ".example";
            var owner = Pick(RepsFor(country, category == DemoNames.SmallBusiness ? DemoNames.InsideSales : FieldTeam(country)));
            var account = new Account
            {
                Id = Accounts.Count + 1,
                Name = name,
                CustomerCategoryId = CategoryNamed(category).Id,
                RegionId = RegionNamed(country.Region).Id,
                OwnerId = owner.Id,
                Lifecycle = AccountLifecycle.Target,
                Website = $"https://www.{domain}",
                Phone = faker.Phone.PhoneNumber(),
                City = city,
                Country = country.Name,
                Industry = category == DemoNames.PublicSector ? "Public administration" : Pick(DemoText.Industries),
                // Most accounts predate the twelve months of history; deals move this earlier where needed (AddContacts).
                CreatedAt = _calendar.Between(_calendar.DaysAgo(480), _calendar.DaysAgo(30)),
            };
            account.UpdatedAt = account.CreatedAt;
            Accounts.Add(account);
            _accountFacts[account.Id] = (country, domain, category);
        }
    }

    private string CompanyName(DemoCountry country, string category, string city)
    {
        if (category == DemoNames.PublicSector)
        {
            return string.Format(CultureInfo.InvariantCulture, Pick(country.PublicBodies), city);
        }

        var faker = Faker(country.Code);
        var form = Pick(country.LegalForms);
        return _random.Number(0, 2) switch
        {
            0 => $"{faker.Name.LastName()} {form}",
            1 => $"{faker.Name.LastName()} {Pick(country.TradeWords)} {form}",
            _ => $"{faker.Name.LastName()} & {faker.Name.LastName()} {form}",
        };
    }

    private static string FieldTeam(DemoCountry country) => country.Region == DemoNames.Dach ? DemoNames.DachField : DemoNames.NordicsField;

    /// <summary>
    /// The people at each account: one each, the rest where the accounts are big. An account exists (and so does its first
    /// contact) before its first deal, so that no history starts before the customer it is about.
    /// </summary>
    private void AddContacts()
    {
        var firstDeals = Opportunities.GroupBy(o => o.AccountId).ToDictionary(g => g.Key, g => g.Min(o => o.CreatedAt));
        var counts = Accounts.ToDictionary(a => a.Id, _ => 1);
        var weights = Accounts.Select(a => _accountFacts[a.Id].Category switch
        {
            DemoNames.Enterprise => 3f,
            DemoNames.SmallBusiness => 1f,
            _ => 2f,
        }).ToArray();
        for (var i = Accounts.Count; i < ContactCount; i++)
        {
            counts[Pick(Accounts, weights).Id]++;
        }

        foreach (var account in Accounts)
        {
            if (firstDeals.TryGetValue(account.Id, out var firstDeal) && account.CreatedAt > firstDeal.AddDays(-1))
            {
                account.CreatedAt = firstDeal.AddDays(-_random.Number(1, 20));
                account.UpdatedAt = account.CreatedAt;
            }

            for (var i = 0; i < counts[account.Id]; i++)
            {
                AddContact(account, i == 0 ? account.CreatedAt : Later(account.CreatedAt, _random.Number(1, 150)));
            }
        }
    }

    private void AddContact(Account account, DateTimeOffset createdAt)
    {
        var (country, domain, _) = _accountFacts[account.Id];
        var faker = Faker(country.Code);
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        Contacts.Add(new Contact
        {
            Id = Contacts.Count + 1,
            AccountId = account.Id,
            FirstName = first,
            LastName = last,
            Title = Pick(DemoText.Titles),
            Email = $"{DemoText.Slug(first, 1)}.{DemoText.Slug(last, 1)}@{domain}",
            Phone = faker.Phone.PhoneNumber(),
            OwnerId = account.OwnerId,
            RegionId = account.RegionId,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        });
    }

    /// <summary>The moment some days later, but never in the future (then halfway to now).</summary>
    private DateTimeOffset Later(DateTimeOffset moment, int days)
    {
        var later = moment.AddDays(days);
        return later < _calendar.Now ? later : moment + (_calendar.Now - moment) / 2;
    }
}
