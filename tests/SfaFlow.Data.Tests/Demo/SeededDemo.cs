using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Demo;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Products;

namespace SfaFlow.Data.Tests.Demo;

/// <summary>One database seeded with the demo organization, shared by the demo tests (seeding takes seconds), and its rows.</summary>
public sealed class SeededDemo : IAsyncLifetime
{
    public SalesHost Host { get; private set; } = null!;

    public DemoSeedOutcome Outcome { get; private set; }

    public IReadOnlyDictionary<string, string> Digest { get; private set; } = null!;

    public DateTimeOffset Now => Host.Clock.GetUtcNow();

    /// <summary>Midnight at the start of the seeded day: history lies before it, plans after it.</summary>
    public DateTimeOffset Today => new(Now.UtcDateTime.Date, TimeSpan.Zero);

    public List<Region> Regions { get; private set; } = [];

    public List<Team> Teams { get; private set; } = [];

    public List<SalesUser> Users { get; private set; } = [];

    public List<CustomerCategory> Categories { get; private set; } = [];

    public List<Pipeline> Pipelines { get; private set; } = [];

    public List<Product> Products { get; private set; } = [];

    public List<Lead> Leads { get; private set; } = [];

    public List<Account> Accounts { get; private set; } = [];

    public List<Contact> Contacts { get; private set; } = [];

    public List<Opportunity> Opportunities { get; private set; } = [];

    public List<StageChange> StageChanges { get; private set; } = [];

    public List<StageVisit> StageVisits { get; private set; } = [];

    public List<StageTime> StageTimes { get; private set; } = [];

    public List<Order> Orders { get; private set; } = [];

    public List<SalesActivity> Activities { get; private set; } = [];

    public Dictionary<long, Stage> Stages => Pipelines.SelectMany(p => p.Stages).ToDictionary(s => s.Id);

    public async Task InitializeAsync()
    {
        Host = await SalesHost.CreateAsync();
        Outcome = await Host.Get<DemoOrganizationSeeder>().SeedIfEmptyAsync();
        Digest = await DatabaseDigest.ComputeAsync(Host);
        await using var db = await Host.OpenAsync();
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        Users = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
        Categories = await db.CustomerCategories.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Pipelines = await db.Pipelines.AsNoTracking().Include(p => p.Stages.OrderBy(s => s.Order)).OrderBy(p => p.Id).ToListAsync();
        Products = await db.Products.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        Leads = await db.Leads.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        Accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Contacts = await db.Contacts.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Opportunities = await db.Opportunities.AsNoTracking().Include(o => o.Lines).OrderBy(o => o.Id).ToListAsync();
        StageChanges = await db.StageChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        StageVisits = await db.StageVisits.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
        StageTimes = await db.StageTimes.AsNoTracking().ToListAsync();
        Orders = await db.Orders.AsNoTracking().Include(o => o.Lines).OrderBy(o => o.Id).ToListAsync();
        Activities = await db.Activities.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DemoDatabase : ICollectionFixture<SeededDemo>
{
    public const string Name = "Demo organization";
}
