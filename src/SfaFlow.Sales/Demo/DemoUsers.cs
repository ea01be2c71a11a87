using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Demo;

/// <summary>
/// The twelve people of the demo organization, in one place: the seeder creates their sales users from this list and
/// sign-in creates their accounts from it, so names and passwords cannot drift apart. Demo only: these passwords are
/// public (README), which is why the host creates them in Development or on an explicit <c>--seed-demo</c> only.
/// </summary>
public static class DemoUsers
{
    // One password per role, easy to remember in a demo; each meets ASP.NET Core Identity's default rules
    // (upper and lower case, a digit, a symbol, at least six characters).
    private const string AdminPassword = "Admin#Demo1";
    private const string ManagerPassword = "Manager#Demo1";
    private const string RepPassword = "Rep#Demo1";
    private const string DeveloperPassword = "Developer#Demo1";

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("admin", "Sabine Adler", SalesRole.Admin, AdminPassword, RecordScope.All, null, [DemoNames.World], null),
        new("maria.keller", "Maria Keller", SalesRole.Manager, ManagerPassword, RecordScope.Region, DemoNames.DachField, [DemoNames.Dach], "admin"),
        new("erik.lindqvist", "Erik Lindqvist", SalesRole.Manager, ManagerPassword, RecordScope.Team, DemoNames.NordicsField, [DemoNames.Nordics], "admin"),
        new("jonas.weber", "Jonas Weber", SalesRole.Rep, RepPassword, RecordScope.Own, DemoNames.DachField, [DemoNames.Dach], "maria.keller"),
        new("lena.fischer", "Lena Fischer", SalesRole.Rep, RepPassword, RecordScope.Own, DemoNames.DachField, [DemoNames.Dach], "maria.keller"),
        new("tobias.huber", "Tobias Huber", SalesRole.Rep, RepPassword, RecordScope.Own, DemoNames.DachField, [DemoNames.Dach], "maria.keller"),
        new("sofia.nilsson", "Sofia Nilsson", SalesRole.Rep, RepPassword, RecordScope.Own, DemoNames.NordicsField, [DemoNames.Nordics], "erik.lindqvist"),
        new("lars.hansen", "Lars Hansen", SalesRole.Rep, RepPassword, RecordScope.Own, DemoNames.NordicsField, [DemoNames.Nordics], "erik.lindqvist"),
        new("aino.virtanen", "Aino Virtanen", SalesRole.Rep, RepPassword, RecordScope.Own, DemoNames.NordicsField, [DemoNames.Nordics], "erik.lindqvist"),
        // Inside sales works both territories by phone, so its reps' records fall under either regional manager's view.
        new("paul.schmid", "Paul Schmid", SalesRole.Rep, RepPassword, RecordScope.Own, DemoNames.InsideSales, [DemoNames.Dach, DemoNames.Nordics], "maria.keller"),
        new("emma.johansson", "Emma Johansson", SalesRole.Rep, RepPassword, RecordScope.Own, DemoNames.InsideSales, [DemoNames.Dach, DemoNames.Nordics], "maria.keller"),
        new("developer", "Dev Patel", SalesRole.Developer, DeveloperPassword, RecordScope.Own, null, [], null),
    ];

    public static DemoUser? Find(string userName) =>
        All.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
}
