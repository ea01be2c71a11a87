using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Sales.Workflows.Assignment;

/// <summary>
/// The assignee inputs <c>Sfa.CreateTask</c> and <c>Sfa.AssignOwner</c> share, read into an <see cref="AssignmentRequest"/>
/// for <see cref="AssigneeResolver"/>, so both activities choose people the same way.
/// </summary>
public abstract class AssigningActivity : WorkflowActivity
{
    [Input(DisplayName = "Record", Order = 10, UIHint = "singleline",
        Description = "The lead, account, contact or opportunity, as lead:42, account:3, contact:9 or opportunity:7. Empty: the workflow's record (its correlation id).")]
    public Input<string?> Record { get; } = new();

    [Input(DisplayName = "Assign by", Order = 20, UIHint = "dropdown", DefaultValue = nameof(AssignmentMode.RecordOwner),
        Options = [nameof(AssignmentMode.RecordOwner), nameof(AssignmentMode.RoleInRegion), nameof(AssignmentMode.User), nameof(AssignmentMode.RoundRobin), nameof(AssignmentMode.LeastOpenTasks), nameof(AssignmentMode.RegionRule)],
        Description = "RecordOwner: the record's owner. RoleInRegion: a user of the role working in the record's region (or the nearest region above). User: the user named. RoundRobin: the next user of the role, in turn. LeastOpenTasks: the user of the role with the fewest open tasks. RegionRule: the user the rules name for the record's region.")]
    public Input<string?> AssignBy { get; } = new();

    [Input(DisplayName = "Role", Order = 21, UIHint = "dropdown", DefaultValue = nameof(SalesRole.Rep),
        Options = [nameof(SalesRole.Rep), nameof(SalesRole.Manager), nameof(SalesRole.Admin), nameof(SalesRole.Developer)],
        Description = "The role for RoleInRegion, RoundRobin and LeastOpenTasks.")]
    public Input<string?> Role { get; } = new();

    [Input(DisplayName = "User", Order = 22, UIHint = "singleline", Description = "For User: a user id or user name.")]
    public Input<string?> User { get; } = new();

    [Input(DisplayName = "Team", Order = 23, UIHint = "singleline", Description = "For RoundRobin and LeastOpenTasks: only users of this team (id).")]
    public Input<long?> TeamId { get; } = new();

    [Input(DisplayName = "Region", Order = 24, UIHint = "singleline", Description = "For RoundRobin and LeastOpenTasks: only users working in this region (id).")]
    public Input<long?> RegionId { get; } = new();

    [Input(DisplayName = "Region rules", Order = 25, UIHint = "json", DefaultSyntax = "Object",
        Description = "For RegionRule: region name to user id or user name, for example {\"Bavaria\": \"anna\", \"DACH\": \"ben\"}; the nearest region up the tree with a rule wins.")]
    public Input<Dictionary<string, string>?> RegionRules { get; } = new();

    /// <summary>The record the activity acts on: the input, or the workflow's correlation id.</summary>
    /// <exception cref="InvalidOperationException">Neither names a record.</exception>
    protected RecordReference RecordOf(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.GetInput(Record);
        if (string.IsNullOrWhiteSpace(text))
        {
            text = context.CorrelationId;
        }

        return RecordReference.TryParse(text, out var reference) && reference.Type is RecordReference.Lead or RecordReference.Account or RecordReference.Contact or RecordReference.Opportunity
            ? reference
            : throw new InvalidOperationException(
                $"{context.ActivityType} needs a record: set its input 'record' (lead:42, account:3, contact:9, opportunity:7), or start the workflow from a record's event (the correlation id is '{context.CorrelationId ?? "none"}').");
    }

    /// <summary>The assignment the inputs describe, for <paramref name="record"/>.</summary>
    protected AssignmentRequest AssignmentOf(IActivityExecutionContext context, RecordReference record)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AssignmentRequest(Parse<AssignmentMode>(context.GetInput(AssignBy), "assignBy"), record)
        {
            Role = Parse<SalesRole>(context.GetInput(Role), "role"),
            User = context.GetInput(User),
            TeamId = context.GetInput(TeamId),
            RegionId = context.GetInput(RegionId),
            RegionRules = context.GetInput(RegionRules) ?? [],
        };
    }

    /// <summary>An enum input by name, any case; an unknown name is an incident naming the input and the choices.</summary>
    protected static T Parse<T>(string? text, string input) where T : struct, Enum =>
        Enum.TryParse<T>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidOperationException($"'{text}' is not a valid {input}; use one of {string.Join(", ", Enum.GetNames<T>())}.");
}
