using Microsoft.EntityFrameworkCore;
using SfaFlow.Plugins.Sales;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Sales.Plugins;

/// <summary><see cref="IRecordTasks"/> for one plugin invocation: plans the task as its caller, with the checks any planned task gets.</summary>
internal sealed class PluginRecordTasks(PluginCallContext call, SalesPrincipalResolver users, ISalesRecords records, SalesActivityService activities,
    ISalesDatabaseFactory databases) : IRecordTasks
{
    public async Task<long> CreateAsync(TaskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = await records.FindAsync(request.Record, cancellationToken) is { } found && request.Record.Type.ToLowerInvariant() is "lead" or "account" or "contact" or "opportunity"
            ? found
            : throw new KeyNotFoundException($"There is no lead, account, contact or opportunity {request.Record} that you may add a task to.");
        var priority = Enum.TryParse<TaskPriority>(request.Priority, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ArgumentException($"Priority '{request.Priority}' is not one of {string.Join(", ", Enum.GetNames<TaskPriority>())}.", nameof(request));
        var by = await PluginPrincipals.ResolveAsync(call, users, cancellationToken);
        await using var db = await databases.OpenAsync(cancellationToken);
        var assignee = request.AssigneeUserName is { } userName
            ? await db.Users.AsNoTracking().Where(u => u.UserName == userName && u.IsActive).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new KeyNotFoundException($"There is no active user '{userName}' to give the task to.")
            : Convert.ToInt64(record["ownerId"], System.Globalization.CultureInfo.InvariantCulture);
        var type = request.Record.Type.ToLowerInvariant();
        var fields = new ActivityFields
        {
            Kind = ActivityKind.Task,
            Subject = request.Subject,
            Notes = request.Notes,
            DueAt = request.DueAt,
            LeadId = type == "lead" ? request.Record.Id : null,
            AccountId = type == "account" ? request.Record.Id : null,
            ContactId = type == "contact" ? request.Record.Id : null,
            OpportunityId = type == "opportunity" ? request.Record.Id : null,
            OwnerId = assignee,
        };
        try
        {
            var outcomes = request.Outcomes.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var task = await activities.PlanWorkflowTaskAsync(db, new WorkflowTaskRequest(fields, priority, outcomes, null, null), by, cancellationToken);
            return task.Id;
        }
        catch (RuleViolationException refused)
        {
            throw new ArgumentException($"The task was not created. {string.Join(" ", refused.Violations.Select(v => $"{v.Field}: {v.Message}").DefaultIfEmpty(refused.Message))}", nameof(request), refused);
        }
    }
}
