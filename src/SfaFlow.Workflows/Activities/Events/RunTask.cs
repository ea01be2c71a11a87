using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Events;

/// <summary>
/// Hands a task to the outside world (a host handler or webhook) and waits until it is reported complete; the completion's
/// result becomes <c>result</c>. The bookmark is matched on the task id alone.
/// </summary>
[Activity("Elsa.RunTask", Category = "Primitives", DisplayName = "Run Task", Description = "Requests an external task and waits for its result.")]
internal sealed class RunTask : WorkflowActivity
{
    public const string BookmarkName = "Elsa.RunTask";

    [Input(Description = "The task's name, which tells the handler what to do.", IsRequired = true)]
    public Input<string?> TaskName { get; } = new();

    [Input(Description = "Data for the task.", DefaultSyntax = "Object", UIHint = "json")]
    public Input<Dictionary<string, object?>?> Payload { get; } = new();

    [Output(Description = "The id of the requested task.")]
    public Output<string?> TaskId { get; } = new();

    [Output(Description = "The result the task was completed with.")]
    public Output<object?> Result { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var taskId = Guid.NewGuid().ToString("N");
        context.SetOutput(TaskId, taskId);
        context.CreateBookmark(new BookmarkRequest(BookmarkName, taskId)
        {
            Payload = new Dictionary<string, object?>
            {
                ["TaskId"] = taskId,
                ["TaskName"] = context.GetInput(TaskName),
                ["Payload"] = context.GetInput(Payload),
            },
            UnhashedKeys = ["TaskName", "Payload"],
        });
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, BookmarkResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resumption);
        context.SetOutput(Result, resumption.Payload);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
