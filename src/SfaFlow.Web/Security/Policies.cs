using Microsoft.AspNetCore.Authorization;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Security;

/// <summary>
/// The authorization policies. Each checks the role of the signed-in person's <b>active sales user</b>, read from the
/// database for the request (<see cref="SalesRoleRequirement"/>), never a role claim: the sales user is the one source
/// of truth, so <c>User.IsInRole</c> is not used (and is false); name these policies instead.
/// </summary>
internal static class Policies
{
    /// <summary>Designing workflows (create, edit, delete, publish, retract, import) and plugins: Admin or Developer.</summary>
    public const string WorkflowDesign = nameof(WorkflowDesign);

    /// <summary>
    /// The runtime's raw state and levers: reading instances (their variables, outputs and journals hold record data that
    /// record scope cannot filter), executing definitions, publishing events, cancelling, retrying and resuming instances
    /// (which step around stage gates and record scope). Admin or Developer; reps move workflows on through their tasks.
    /// </summary>
    public const string WorkflowOperations = nameof(WorkflowOperations);

    /// <summary>Analytics of other people's records: Manager or Admin.</summary>
    public const string Analytics = nameof(Analytics);

    /// <summary>Any signed-in account, even one without an active sales user: only for signing out.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>
    /// Every endpoint without its own policy (the fallback) and plain <c>RequireAuthorization()</c>: signed in as an
    /// active sales user. Public endpoints opt out with <c>AllowAnonymous()</c>.
    /// </summary>
    public static AuthorizationPolicy ActiveSalesUser { get; } = Build();

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.FallbackPolicy = ActiveSalesUser;
        options.DefaultPolicy = ActiveSalesUser;
        options.AddPolicy(WorkflowDesign, Build(SalesRole.Admin, SalesRole.Developer));
        options.AddPolicy(WorkflowOperations, Build(SalesRole.Admin, SalesRole.Developer));
        options.AddPolicy(Analytics, Build(SalesRole.Manager, SalesRole.Admin));
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
    }

    private static AuthorizationPolicy Build(params SalesRole[] roles) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new SalesRoleRequirement(roles)).Build();
}
