using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Workflows;

/// <summary>What every SFA activity needs from its execution context: the sales services, who acts, and on which record.</summary>
public static class SfaActivityContext
{
    /// <summary>A sales service of the host.</summary>
    public static T Service<T>(this IActivityExecutionContext context) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Services.GetRequiredService<T>();
    }

    /// <summary>
    /// The workflow as the sales rules see it: every record in scope, named in the audit log by its instance id. Stage
    /// gates apply to it like to anyone: SFA activities never pass an override reason.
    /// </summary>
    public static SalesPrincipal Principal(this IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SalesPrincipal.ForWorkflow(context.WorkflowInstanceId);
    }

    /// <summary>
    /// The id of the record of <paramref name="type"/> the activity acts on: <paramref name="explicitId"/> when the workflow
    /// gives one, else the instance's correlation id when it names a record of that type (<c>lead:42</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither names one (an incident on the instance says which input to set).</exception>
    public static long RecordId(this IActivityExecutionContext context, string type, long? explicitId, string inputName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (explicitId is > 0)
        {
            return explicitId.Value;
        }

        return RecordReference.TryParse(context.CorrelationId, out var reference) && reference.Type == type
            ? reference.Id
            : throw new InvalidOperationException(
                $"{context.ActivityType} needs a {type}: set its input '{inputName}', or start the workflow from a {type}'s event so that its correlation id is '{type}:<id>' (it is '{context.CorrelationId ?? "none"}').");
    }
}
