using System.Globalization;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Calendar;
using SfaFlow.Sales.Workflows.Assignment;
using SfaFlow.Sales.Workflows.Effects;
using ActivityKind = SfaFlow.Sales.Activities.ActivityKind;

namespace SfaFlow.Sales.Workflows.Tasks;

/// <summary>
/// Hands a task to a person and waits until they complete it: the task is a planned activity of kind Task on the record,
/// owned by the chosen assignee, and the workflow goes on at the outcome port they pick. If it is still open when the
/// escalation time comes, the workflow goes on at <c>TimedOut</c> and the task stays open, marked escalated (its
/// completion then resumes nothing). A step retried after a crash finds the task it created (by its idempotency key).
/// </summary>
[Activity("Sfa.CreateTask", Category = "Sales", DisplayName = "Create task", Kind = SfaFlow.Plugins.Activities.ActivityKind.Task,
    Description = "Assigns a task on the record to a person and waits until they complete it with an outcome, or until it is overdue.",
    Outcomes = [WorkflowActivity.DoneOutcome, TimedOutOutcome], DynamicOutcomesFrom = "outcomes")]
public sealed class CreateTask : AssigningActivity
{
    public const string TimedOutOutcome = "TimedOut";

    private const string TaskIdState = "taskId";

    [Input(DisplayName = "Subject", Order = 1, UIHint = "singleline", IsRequired = true, Description = "What the person is to do, for example 'Call back'.")]
    public Input<string?> Subject { get; } = new();

    [Input(DisplayName = "Notes", Order = 2, UIHint = "multiline", Description = "Details for the person.")]
    public Input<string?> Notes { get; } = new();

    [Input(DisplayName = "Outcomes", Order = 3, UIHint = "multitext",
        Description = "The outcomes the person picks from, for example Interested, Not interested, No answer; each is a port. Empty: any outcome, and the workflow goes on at Done.")]
    public Input<string[]?> Outcomes { get; } = new();

    [Input(DisplayName = "Priority", Order = 4, UIHint = "dropdown", DefaultValue = nameof(TaskPriority.Normal),
        Options = [nameof(TaskPriority.Low), nameof(TaskPriority.Normal), nameof(TaskPriority.High), nameof(TaskPriority.Urgent)])]
    public Input<string?> Priority { get; } = new();

    [Input(DisplayName = "Due in business days", Order = 5, UIHint = "singleline", DefaultValue = 1,
        Description = "Due this many business days from now (the business calendar of the record's region), at the same time of day. Ignored when 'Due at' is set.")]
    public Input<int?> DueInBusinessDays { get; } = new();

    [Input(DisplayName = "Due at", Order = 6, UIHint = "datetime", Description = "A fixed due moment instead.")]
    public Input<DateTimeOffset?> DueAt { get; } = new();

    [Input(DisplayName = "Escalate when overdue by", Order = 7, UIHint = "timespan",
        Description = "Go on at TimedOut when the task is still open this long after it was due, as [d.]hh:mm:ss. Empty (and no business days below): never.")]
    public Input<TimeSpan?> EscalateAfter { get; } = new();

    [Input(DisplayName = "Escalate when overdue by business days", Order = 8, UIHint = "singleline",
        Description = "Go on at TimedOut when the task is still open this many business days after it was due.")]
    public Input<int?> EscalateAfterBusinessDays { get; } = new();

    [Output(Description = "The id of the task (an activity of kind Task).")]
    public Output<long> TaskId { get; } = new();

    [Output(Description = "The outcome the person picked; null when it timed out.")]
    public Output<string?> Outcome { get; } = new();

    [Output(Description = "The note they added when completing it.")]
    public Output<string?> Note { get; } = new();

    [Output(Description = "Who completed it (user id).")]
    public Output<long?> CompletedByUserId { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcomes = OutcomesOf(context);
        var tasks = context.Service<SalesActivityService>();
        var principal = context.Principal();
        await using var db = await context.Service<ISalesDatabaseFactory>().OpenAsync(context.CancellationToken);
        var record = RecordOf(context);
        var placement = await AssigneeResolver.PlacementAsync(db, record, context.CancellationToken);
        var calendar = await context.Service<BusinessCalendar>().ForRegionAsync(placement.RegionId, context.CancellationToken);
        var task = await tasks.FindWorkflowTaskAsync(db, context.IdempotencyKey, context.CancellationToken);
        if (task is null)
        {
            // The task and the bookmark its completion resumes commit together, once per execution.
            var planned = await context.OnceAsync(async unit =>
            {
                var created = await PlanAsync(context, unit, record, outcomes, calendar, principal);
                await tasks.AttachWorkflowBookmarkAsync(unit, created, Wait(context, created, calendar), principal, context.CancellationToken);
                return created.Id;
            });
            context.SetOutput(TaskId, planned);
            context.State[TaskIdState] = planned;
            return;
        }

        // A repeat of this execution (its instance was not committed after the task was): the task stands.
        context.SetOutput(TaskId, task.Id);
        context.State[TaskIdState] = task.Id;
        if (task.Status == ActivityStatus.Done)
        {
            // Completed between the first attempt and this retry: its event found no bookmark, so go on from here.
            Finish(context, outcomes, new TaskCompletion(task.Outcome, null, null));
            return;
        }

        // Its bookmark was this run's first one, which the instance never kept: point the task at the new one.
        await tasks.AttachWorkflowBookmarkAsync(db, task, Wait(context, task, calendar), principal, context.CancellationToken);
    }

    /// <summary>Waits on the task's completion (and its escalation, if any); the completion bookmark's id.</summary>
    private string Wait(IActivityExecutionContext context, SalesActivity task, BusinessDays calendar)
    {
        var bookmarkId = context.CreateBookmark(new BookmarkRequest(TaskBookmarks.Name, TaskBookmarks.Key(task.Id))
        {
            Payload = new Dictionary<string, object?> { ["TaskId"] = task.Id, ["Subject"] = task.Subject },
            UnhashedKeys = ["Subject"],
        });
        if (EscalationAt(context, task.DueAt ?? context.Now, calendar) is { } escalateAt)
        {
            context.CreateBookmark(new BookmarkRequest(TaskBookmarks.Escalation)
            {
                DueAt = escalateAt,
                Payload = new Dictionary<string, object?> { ["TaskId"] = task.Id, ["ResumeAt"] = escalateAt.ToString("O", CultureInfo.InvariantCulture) },
            });
        }

        return bookmarkId;
    }

    public override async ValueTask ResumeAsync(IActivityExecutionContext context, BookmarkResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resumption);
        var taskId = Convert.ToInt64(context.State[TaskIdState], CultureInfo.InvariantCulture);
        context.SetOutput(TaskId, taskId);
        if (resumption.Name != TaskBookmarks.Escalation)
        {
            Finish(context, OutcomesOf(context), TaskBookmarks.Completion(resumption.Payload));
            return;
        }

        var task = await context.Service<SalesActivityService>().EscalateWorkflowTaskAsync(taskId, context.Principal(), context.CancellationToken);
        if (task.Status == ActivityStatus.Done)
        {
            // Completed just before the timer fired, its event not yet delivered: the completion wins, and the event will find no bookmark.
            Finish(context, OutcomesOf(context), new TaskCompletion(task.Outcome, null, null));
            return;
        }

        context.Complete(TimedOutOutcome);
    }

    private async Task<SalesActivity> PlanAsync(IActivityExecutionContext context, ISalesDatabase db, RecordReference record, string[] outcomes,
        BusinessDays calendar, Sales.Security.SalesPrincipal principal)
    {
        var assignee = await AssigneeResolver.ResolveAsync(db, AssignmentOf(context, record), context.CancellationToken);
        var dueAt = context.GetInput(DueAt) ?? (context.GetInput(DueInBusinessDays) is { } days ? calendar.Add(context.Now, days) : null);
        var fields = new ActivityFields
        {
            Kind = ActivityKind.Task,
            Subject = context.GetInput(Subject) ?? "",
            Notes = context.GetInput(Notes),
            DueAt = dueAt,
            LeadId = record.Type == RecordReference.Lead ? record.Id : null,
            AccountId = record.Type == RecordReference.Account ? record.Id : null,
            ContactId = record.Type == RecordReference.Contact ? record.Id : null,
            OpportunityId = record.Type == RecordReference.Opportunity ? record.Id : null,
            OwnerId = assignee,
        };
        var request = new WorkflowTaskRequest(fields, Parse<TaskPriority>(context.GetInput(Priority), "priority"), outcomes, context.WorkflowInstanceId, context.IdempotencyKey);
        return await context.Service<SalesActivityService>().PlanWorkflowTaskAsync(db, request, principal, context.CancellationToken);
    }

    /// <summary>When an open task escalates: after its due moment by a span or by business days; null when neither is set.</summary>
    private DateTimeOffset? EscalationAt(IActivityExecutionContext context, DateTimeOffset due, BusinessDays calendar)
    {
        if (context.GetInput(EscalateAfter) is { } span)
        {
            return due + span;
        }

        return context.GetInput(EscalateAfterBusinessDays) is { } days ? calendar.Add(due, days) : null;
    }

    /// <summary>Goes on at the port of the picked outcome (as the task spells it), or Done when the task lists none.</summary>
    private void Finish(IActivityExecutionContext context, string[] outcomes, TaskCompletion completion)
    {
        context.SetOutput(Outcome, completion.Outcome);
        context.SetOutput(Note, completion.Note);
        context.SetOutput(CompletedByUserId, completion.CompletedByUserId);
        var port = outcomes.FirstOrDefault(o => string.Equals(o, completion.Outcome, StringComparison.OrdinalIgnoreCase));
        context.Complete(port ?? DoneOutcome);
    }

    private string[] OutcomesOf(IActivityExecutionContext context) =>
        [.. (context.GetInput(Outcomes) ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}
