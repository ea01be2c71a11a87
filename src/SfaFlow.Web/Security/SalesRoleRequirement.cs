using Microsoft.AspNetCore.Authorization;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Security;

/// <summary>The signed-in account has an active sales user, with one of <see cref="Roles"/> when any are given.</summary>
internal sealed class SalesRoleRequirement(IReadOnlyList<SalesRole> roles) : IAuthorizationRequirement
{
    public IReadOnlyList<SalesRole> Roles { get; } = roles;
}
