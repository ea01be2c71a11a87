using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Events;

/// <summary>
/// Waits for a named event (for example <c>LeadReplied</c>) and continues with its payload as <c>result</c>. As a trigger,
/// a published event of that name starts a new instance here.
/// </summary>
[Activity("Elsa.Event", Category = "Primitives", DisplayName = "Event", Kind = ActivityKind.Trigger,
    Description = "Waits for a named event, or starts the workflow when it is published.")]
internal sealed class Event : WorkflowActivity
{
    public const string BookmarkName = "Elsa.Event";

    [Input(Description = "The event's name.", IsRequired = true)]
    public Input<string?> EventName { get; } = new();

    [Output(Description = "The event's payload.")]
    public Output<object?> Result { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            context.SetOutput(Result, context.TriggerPayload);
            return ValueTask.CompletedTask;
        }

        var name = context.GetInput(EventName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException("Event needs an event name.");
        }

        context.CreateBookmark(new BookmarkRequest(BookmarkName, name)
        {
            Payload = new Dictionary<string, object?> { ["EventName"] = name },
        });
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, BookmarkResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resumption);
        context.SetOutput(Result, resumption.Payload ?? new Dictionary<string, object?>());
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
