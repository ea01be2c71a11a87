using System.Net;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Products;
using SfaFlow.Sales.Security;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Security.Matrix;

/// <summary>
/// The organization the authorization matrix runs in: two teams, a region with a sub-region and a second region, and one
/// caller per (role, scope) profile, each with the records of its three cells made fresh for every request (a change may
/// consume its record: delete, convert, win).
/// </summary>
internal sealed class MatrixWorld(SfaFlowApiFactory factory)
{
    private readonly Dictionary<string, long> _users = [];
    private int _serial;

    public long North { get; private set; }

    public long NorthEast { get; private set; }

    public long South { get; private set; }

    public long PipelineId { get; private set; }

    public long FirstStageId { get; private set; }

    public long SecondStageId { get; private set; }

    public long UserId(string userName) => _users[userName];

    public static async Task<MatrixWorld> CreateAsync(SfaFlowApiFactory factory)
    {
        var world = new MatrixWorld(factory);
        await world.BuildAsync();
        return world;
    }

    /// <summary>A published definition every role may read and the workflow roles may run.</summary>
    public const string PublishedFlow = "matrix-flow";

    private async Task BuildAsync()
    {
        using (var admin = factory.CreateClient(SalesRole.Admin))
        {
            await (await admin.PostJsonAsync("/api/workflow-definitions/import", Definition(PublishedFlow, [Wf.Start()]))).JsonAsync();
        }

        long teamT, teamU;
        await using (var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync())
        {
            var north = new Region { Name = "Matrix North" };
            db.Regions.Add(north);
            var south = new Region { Name = "Matrix South" };
            db.Regions.Add(south);
            var t = new Team { Name = "Matrix T" };
            var u = new Team { Name = "Matrix U" };
            db.Teams.AddRange(t, u);
            var pipeline = new Pipeline
            {
                Name = "Matrix pipeline", IsDefault = true, AllowSkippingStages = true,
                Stages =
                [
                    new Stage { Name = "Open", Order = 1, DefaultProbability = 10 },
                    new Stage { Name = "Proposal", Order = 2, DefaultProbability = 50 },
                    new Stage { Name = "Won", Order = 3, DefaultProbability = 100, ForecastCategory = ForecastCategory.Closed, IsWon = true },
                    new Stage { Name = "Lost", Order = 4, DefaultProbability = 0, ForecastCategory = ForecastCategory.Omitted, IsLost = true },
                ],
            };
            db.Pipelines.Add(pipeline);
            await db.SaveChangesAsync();
            var northEast = new Region { Name = "Matrix North-East", ParentId = north.Id };
            db.Regions.Add(northEast);
            await db.SaveChangesAsync();
            (North, NorthEast, South, teamT, teamU) = (north.Id, northEast.Id, south.Id, t.Id, u.Id);
            (PipelineId, FirstStageId, SecondStageId) = (pipeline.Id, pipeline.Stages.Single(s => s.Order == 1).Id, pipeline.Stages.Single(s => s.Order == 2).Id);
        }

        foreach (var profile in MatrixProfiles.All)
        {
            await AddUserAsync(profile.UserName, profile.Role, profile.Scope, profile.Team switch { "T" => teamT, "U" => teamU, _ => null },
                profile.Regions.Select(r => r == "North" ? North : South));
        }

        await AddUserAsync(MatrixProfiles.Mate, SalesRole.Rep, RecordScope.Own, teamT, []);
        await AddUserAsync(MatrixProfiles.Outsider, SalesRole.Rep, RecordScope.Own, teamU, []);
    }

    private async Task AddUserAsync(string userName, SalesRole role, RecordScope scope, long? team, IEnumerable<long> regions)
    {
        _users[userName] = await factory.AddSalesUserAsync(userName, role, scope);
        var regionIds = regions.ToList();
        await factory.ChangeSalesUserAsync(userName, u => (u.TeamId, u.RegionIds) = (team, regionIds));
    }

    /// <summary>A new definition (a draft, or published) made by an admin; its id.</summary>
    public async Task<string> NewDefinitionAsync(bool publish)
    {
        var id = UniqueId("matrix");
        using var admin = factory.CreateClient(SalesRole.Admin);
        await (await admin.PostJsonAsync("/api/workflow-definitions", Definition(id, [Wf.Start()]))).JsonAsync(HttpStatusCode.Created);
        if (publish)
        {
            await (await admin.PostJsonAsync($"/api/workflow-definitions/{id}/publish")).JsonAsync();
        }

        return id;
    }

    /// <summary>An instance an admin started that waits on a timer: its id and its bookmark's.</summary>
    public async Task<(string InstanceId, string BookmarkId)> NewWaitingInstanceAsync()
    {
        using var admin = factory.CreateClient(SalesRole.Admin);
        var import = await (await admin.PostJsonAsync("/api/workflow-definitions/import", Delayed(UniqueId("matrix-wait")))).JsonAsync();
        var definitionId = import.Items("files").Single().GetProperty("definition").Text("definitionId");
        var started = await (await admin.PostJsonAsync($"/api/workflow-definitions/{definitionId}/execute", "{}")).JsonAsync();
        return (started.Text("id"), started.Items("bookmarks").Single().Text("id"));
    }

    /// <summary>A product nobody refers to (so that deleting it succeeds); its id.</summary>
    public async Task<long> NewProductAsync()
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var product = new Product { Code = $"MX-{Interlocked.Increment(ref _serial)}", Name = "Matrix product", Price = 10, Currency = "EUR" };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    /// <summary>A number no other request of the matrix used (unique names and codes).</summary>
    public int Next() => Interlocked.Increment(ref _serial);

    public string NewPipelineBody() => $$"""
        {"name": "Matrix pipeline {{Next()}}", "stages": [
          {"name": "Open", "defaultProbability": 10, "forecastCategory": "Pipeline"},
          {"name": "Won", "defaultProbability": 100, "forecastCategory": "Closed", "isWon": true},
          {"name": "Lost", "defaultProbability": 0, "forecastCategory": "Omitted", "isLost": true}]}
        """;

    public Task<long> NewPipelineAsync() => AddAsync(db => db.Pipelines.Add(new Pipeline
    {
        Name = $"Matrix pipeline {Next()}",
        Stages = [new Stage { Name = "Open", Order = 1, DefaultProbability = 10 }, new Stage { Name = "Won", Order = 2, DefaultProbability = 100, IsWon = true }],
    }).Entity);

    public Task<long> NewRegionAsync() => AddAsync(db => db.Regions.Add(new Region { Name = $"Matrix region {Next()}" }).Entity);

    public Task<long> NewTeamAsync() => AddAsync(db => db.Teams.Add(new Team { Name = $"Matrix team {Next()}" }).Entity);

    public Task<long> NewCategoryAsync() => AddAsync(db => db.CustomerCategories.Add(new CustomerCategory { Name = $"Matrix category {Next()}" }).Entity);

    public Task<long> NewUserAsync() => AddAsync(db => db.Users.Add(new SalesUser { UserName = $"mx-fresh-{Next()}", DisplayName = "Matrix Fresh" }).Entity);

    private async Task<long> AddAsync(Func<ISalesDatabase, SalesRecord> add)
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var record = add(db);
        await db.SaveChangesAsync();
        return record.Id;
    }

    public string NewProductBody() => $$"""{"code": "MXB-{{Interlocked.Increment(ref _serial)}}", "name": "Matrix product", "price": 12.5, "currency": "EUR"}""";

    /// <summary>A client signed in as the user (a bearer token from the real token endpoint).</summary>
    public async Task<HttpClient> ClientAsync(string userName) => SfaFlowApiFactory.WithToken(factory.CreateClient(), await factory.TokenAsync(userName, SfaFlowApiFactory.Password));

    public long RegionNamed(string? name) => name switch { "North" => North, "NorthEast" => NorthEast, "South" => South, _ => 0 };

    /// <summary>A fresh record of the resource owned by the cell's owner in the cell's region, with what it needs (an account, a lead).</summary>
    public async Task<SeededRecord> SeedAsync(MatrixResource resource, CellOwner cell)
    {
        var owner = UserId(cell.UserName);
        long? region = cell.Region is null ? null : RegionNamed(cell.Region);
        var serial = Interlocked.Increment(ref _serial);
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var account = new Account { Name = $"Matrix account {serial}", OwnerId = owner, RegionId = region };
        var lead = new Lead { Name = $"Matrix lead {serial}", Company = "Matrix Ltd", OwnerId = owner, RegionId = region };
        db.Accounts.Add(account);
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        SalesRecord record = resource switch
        {
            MatrixResource.Lead => lead,
            MatrixResource.Account => account,
            MatrixResource.Contact => db.Contacts.Add(new Contact { AccountId = account.Id, FirstName = "Ada", LastName = $"Matrix {serial}", OwnerId = owner, RegionId = region }).Entity,
            MatrixResource.Opportunity => db.Opportunities.Add(new Opportunity
            {
                Name = $"Matrix deal {serial}", AccountId = account.Id, PipelineId = PipelineId, StageId = FirstStageId, StageProbability = 10,
                Amount = 1000, AmountInReportingCurrency = 1000, Currency = "EUR", ExpectedCloseDate = new DateOnly(2027, 6, 30), OwnerId = owner, RegionId = region,
            }).Entity,
            MatrixResource.Order => db.Orders.Add(new Order { Number = $"MX-{serial:D6}", AccountId = account.Id, Currency = "EUR", Total = 10, OwnerId = owner, RegionId = region }).Entity,
            MatrixResource.Activity or MatrixResource.Task => db.Activities.Add(new SalesActivity
            {
                Kind = resource == MatrixResource.Task ? ActivityKind.Task : ActivityKind.Call, Subject = $"Matrix activity {serial}",
                Status = ActivityStatus.Planned, DueAt = DateTimeOffset.UtcNow.AddDays(2), LeadId = lead.Id, OwnerId = owner, RegionId = region,
            }).Entity,
            _ => throw new ArgumentOutOfRangeException(nameof(resource)),
        };
        await db.SaveChangesAsync();
        return new SeededRecord(resource, record.Id, owner, region, account.Id, lead.Id, serial);
    }

    /// <summary>The record's version now, or null when it is gone: a refused change must leave it as it was.</summary>
    public async Task<int?> VersionAsync(SeededRecord record)
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        IQueryable<SalesRecord> records = record.Resource switch
        {
            MatrixResource.Lead => db.Leads,
            MatrixResource.Account => db.Accounts,
            MatrixResource.Contact => db.Contacts,
            MatrixResource.Opportunity => db.Opportunities,
            MatrixResource.Order => db.Orders,
            _ => db.Activities,
        };
        return await records.Where(r => r.Id == record.Id).Select(r => (int?)r.Version).FirstOrDefaultAsync();
    }
}

/// <summary>The resources whose records are owned and scoped.</summary>
internal enum MatrixResource
{
    Lead,
    Account,
    Contact,
    Opportunity,
    Order,
    Activity,
    Task,
}

/// <summary>Who owns a cell's record, and in which region (by name: North, NorthEast, South; null for none).</summary>
internal sealed record CellOwner(string UserName, string? Region);

/// <summary>A record made for one request, with the account and lead made along with it (a contact's account, an activity's lead).</summary>
internal sealed record SeededRecord(MatrixResource Resource, long Id, long OwnerId, long? RegionId, long AccountId, long LeadId, int Serial);
