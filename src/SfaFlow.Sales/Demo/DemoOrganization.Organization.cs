using SfaFlow.Sales.Organization;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    // The organization was set up before the twelve months of history begin.
    private DateTimeOffset SetUpAt => _calendar.Now.AddDays(-420).AddHours(9);

    private void AddOrganization()
    {
        AddRegion(DemoNames.World, parent: null);
        AddRegion(DemoNames.Emea, DemoNames.World);
        AddRegion(DemoNames.Dach, DemoNames.Emea);
        AddRegion(DemoNames.Nordics, DemoNames.Emea);

        foreach (var name in new[] { DemoNames.DachField, DemoNames.NordicsField, DemoNames.InsideSales })
        {
            Teams.Add(new Team { Id = Teams.Count + 1, Name = name, CreatedAt = SetUpAt, UpdatedAt = SetUpAt });
        }

        foreach (var person in DemoUsers.All)
        {
            Users.Add(new SalesUser
            {
                Id = Users.Count + 1,
                UserName = person.UserName,
                DisplayName = person.DisplayName,
                Email = person.Email,
                Role = person.Role,
                Scope = person.Scope,
                TeamId = person.Team is { } team ? TeamNamed(team).Id : null,
                RegionIds = [.. person.Regions.Select(r => RegionNamed(r).Id)],
                CreatedAt = SetUpAt,
                UpdatedAt = SetUpAt,
            });
        }

        foreach (var (user, person) in Users.Zip(DemoUsers.All))
        {
            user.ManagerId = person.Manager is { } manager ? UserNamed(manager).Id : null;
        }

        // The DACH manager leads inside sales as well (it sells into both territories from her office).
        TeamNamed(DemoNames.DachField).ManagerId = UserNamed("maria.keller").Id;
        TeamNamed(DemoNames.InsideSales).ManagerId = UserNamed("maria.keller").Id;
        TeamNamed(DemoNames.NordicsField).ManagerId = UserNamed("erik.lindqvist").Id;

        foreach (var name in new[] { DemoNames.Enterprise, DemoNames.MidMarket, DemoNames.SmallBusiness, DemoNames.PublicSector })
        {
            Categories.Add(new CustomerCategory { Id = Categories.Count + 1, Name = name, CreatedAt = SetUpAt, UpdatedAt = SetUpAt });
        }
    }

    private void AddRegion(string name, string? parent) =>
        Regions.Add(new Region
        {
            Id = Regions.Count + 1,
            Name = name,
            ParentId = parent is null ? null : RegionNamed(parent).Id,
            CreatedAt = SetUpAt,
            UpdatedAt = SetUpAt,
        });

    private Region RegionNamed(string name) => Regions.Single(r => r.Name == name);

    private Team TeamNamed(string name) => Teams.Single(t => t.Name == name);

    private SalesUser UserNamed(string userName) => Users.Single(u => u.UserName == userName);

    private CustomerCategory CategoryNamed(string name) => Categories.Single(c => c.Name == name);

    /// <summary>The reps who work a country's region in a team: who may own a record there.</summary>
    private List<SalesUser> RepsFor(DemoCountry country, string team)
    {
        var region = RegionNamed(country.Region).Id;
        var teamId = TeamNamed(team).Id;
        return [.. Users.Where(u => u.Role == SalesRole.Rep && u.TeamId == teamId && u.RegionIds.Contains(region))];
    }
}
