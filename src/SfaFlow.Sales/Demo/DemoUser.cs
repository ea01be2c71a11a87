using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Demo;

/// <summary>
/// A person of the demo organization: who they are, where they sit (team, regions, manager by user name) and the password
/// sign-in gives them. The password is for demo databases only and is published in the README.
/// </summary>
public sealed record DemoUser(
    string UserName,
    string DisplayName,
    SalesRole Role,
    string Password,
    RecordScope Scope,
    string? Team,
    IReadOnlyList<string> Regions,
    string? Manager)
{
    public string Email => $"{UserName}@demo.sfaflow.example";
}
