using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Activities;
using SfaFlow.TestPlugins.Helper;

namespace SfaFlow.TestPlugins.Good;

[Activity("Good.Score", Category = "Good", DisplayName = "Score deal", Description = "Scores a deal by its amount.", Outcomes = ["High", "Low"])]
public sealed class Score : WorkflowActivity
{
    [Input(DisplayName = "Amount", Description = "The deal amount.", UIHint = "singleline", IsRequired = true)]
    public Input<double> Amount { get; } = new();

    [Output(Description = "The score between 0 and 1.")]
    public Output<double> Result { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var score = Math.Min(1, context.GetInput(Amount) / 1000);
        context.SetOutput(Result, score);
        context.SetWorkflowOutput("version", context.Services.GetRequiredService<Greeter>().Stamp(GoodPlugin.Version));
        // The host's test services put whom the plugin acts for here (a BCL type, shared with the host).
        context.SetWorkflowOutput("caller", context.Services.GetService<IReadOnlyDictionary<string, string>>()?.GetValueOrDefault("caller"));
        context.Complete(score > 0.5 ? "High" : "Low");
        return ValueTask.CompletedTask;
    }
}

[Activity("Good.WaitForApproval", Category = "Good", Description = "Waits until the approval arrives.", Outcomes = ["Approved"])]
public sealed class WaitForApproval : WorkflowActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CreateBookmark(new BookmarkRequest("Good.WaitForApproval", "approval"));
        context.SetWorkflowOutput("waitedWith", GoodPlugin.Version);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, BookmarkResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetWorkflowOutput("resumedWith", GoodPlugin.Version);
        context.Complete("Approved");
        return ValueTask.CompletedTask;
    }
}

[Activity("Good.Fail", Category = "Good", Description = "Always throws.")]
public sealed class Fail : WorkflowActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new InvalidOperationException("The scoring service is unavailable.");
}

[Activity("Good.Hang", Category = "Good", Description = "Blocks and ignores cancellation.")]
public sealed class Hang : WorkflowActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        // Deliberately ignores its token: the host must stop waiting on its own.
        Thread.Sleep(TimeSpan.FromSeconds(20));
        ArgumentNullException.ThrowIfNull(context);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
