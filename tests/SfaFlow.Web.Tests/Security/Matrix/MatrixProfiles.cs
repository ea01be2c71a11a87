using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Tests.Security.Matrix;

/// <summary>
/// One caller of the matrix: a role with a record scope, and the owners of its three cells: its own record, a record of
/// someone else its scope covers, and a record its scope does not cover (null where the scope leaves no such record:
/// nothing is out of an admin's scope, nobody else's record is in a rep's own scope).
/// </summary>
internal sealed record MatrixProfile(string UserName, SalesRole Role, RecordScope Scope, string? Team, string[] Regions, CellOwner? InScope, CellOwner? OutOfScope)
{
    public CellOwner Own => new(UserName, Role == SalesRole.Manager ? "South" : "North");

    /// <summary>The cells that exist for this profile, each with whether the caller may see its record.</summary>
    public IEnumerable<(string Cell, CellOwner Owner, bool Visible)> Cells()
    {
        yield return ("own", Own, true);
        if (InScope is not null)
        {
            yield return ("in scope of another", InScope, true);
        }

        if (OutOfScope is not null)
        {
            yield return ("out of scope", OutOfScope, false);
        }
    }

    public override string ToString() => $"{Role}/{Scope}";
}

internal static class MatrixProfiles
{
    /// <summary>A rep in team T (records of "in team T" profiles' colleagues).</summary>
    public const string Mate = "mx-mate";

    /// <summary>A rep in team U, outside every profile's team.</summary>
    public const string Outsider = "mx-outsider";

    /// <summary>
    /// Every role, and every scope at least once. The regional manager's own record is in South, outside its region, to
    /// show one's own records are always in scope; its in-scope record is in a sub-region of its region.
    /// </summary>
    public static IReadOnlyList<MatrixProfile> All { get; } =
    [
        new("mx-admin", SalesRole.Admin, RecordScope.All, null, [], new(Outsider, "South"), null),
        new("mx-manager", SalesRole.Manager, RecordScope.Region, "U", ["North"], new(Outsider, "NorthEast"), new(Outsider, "South")),
        new("mx-rep-team", SalesRole.Rep, RecordScope.Team, "T", [], new(Mate, "South"), new(Outsider, "North")),
        new("mx-rep", SalesRole.Rep, RecordScope.Own, "T", [], null, new(Mate, "North")),
        new("mx-developer", SalesRole.Developer, RecordScope.Own, null, [], null, new(Mate, "North")),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var profile in All)
        {
            data.Add(profile.UserName);
        }

        return data;
    }

    public static MatrixProfile Named(string userName) => All.Single(p => p.UserName == userName);
}
