using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Instances;
using ActivityStatus = SfaFlow.Sales.Activities.ActivityStatus;
using SfaFlow.Workflows.Runtime;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.WorkflowTasks;

/// <summary>Sfa.CreateTask end to end: the task, its completion through the outbox, its outcome ports and its escalation.</summary>
public sealed class CreateTaskTests
{
    [Fact]
    public async Task Completion_ResumesTheWorkflowOnThePickedPort_ExactlyOnce()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var rep = await host.AddUserAsync("rep");
        var lead = await host.AddLeadAsync(rep.Id);
        await host.PublishAsync(TaskFlows.CallBack());

        var instance = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        var task = await SingleTaskAsync(host);
        Assert.Equal(ActivityKind.Task, task.Kind);
        Assert.Equal(ActivityStatus.Planned, task.Status);
        Assert.Equal(rep.Id, task.OwnerId);
        Assert.Equal(lead.Id, task.LeadId);
        Assert.Null(task.CreatedByUserId);
        Assert.Equal(instance.Id, task.WorkflowInstanceId);
        Assert.Equal(instance.Bookmarks.Single(b => b.Name == "Sfa.Task").Id, task.WorkflowBookmarkId);
        Assert.Equal(["Interested", "Not interested"], task.AllowedOutcomes);
        // Friday 09:00 plus one business day is Monday 09:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), task.DueAt);

        await host.Get<SalesActivityService>().CompleteAsync(task.Id, new ActivityOutcome("interested", "Wants a demo"), null, await host.PrincipalAsync("rep"));
        await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal(["interested"], host.Lines.Lines);
        var finished = await host.Get<SfaFlow.Workflows.Runtime.Instances.IWorkflowInstanceStore>().FindAsync(instance.Id);
        Assert.Equal(WorkflowSubStatus.Finished, finished!.Instance.SubStatus);

        // The same message delivered again (a crash before it was marked dispatched) resumes nothing.
        await using (var db = await host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<SfaFlowDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"OutboxMessages\" SET \"DispatchedAt\" = NULL");
        }

        await host.Dispatcher.DispatchPendingAsync();
        Assert.Equal(["interested"], host.Lines.Lines);
    }

    [Fact]
    public async Task Completion_WithAnOutcomeTheTaskDoesNotOffer_IsRefusedWithTheAllowedOnes()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var rep = await host.AddUserAsync("rep");
        var lead = await host.AddLeadAsync(rep.Id);
        await host.PublishAsync(TaskFlows.CallBack());
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });
        var task = await SingleTaskAsync(host);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            host.Get<SalesActivityService>().CompleteAsync(task.Id, new ActivityOutcome("Maybe"), null, SalesPrincipal.ForWorkflow("test")));

        Assert.Contains("Interested, Not interested", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ActivityStatus.Planned, (await SingleTaskAsync(host)).Status);
    }

    [Fact]
    public async Task Escalation_WhenStillOpen_GoesOnAtTimedOut_AndALaterCompletionResumesNothing()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var rep = await host.AddUserAsync("rep");
        var lead = await host.AddLeadAsync(rep.Id);
        await host.PublishAsync(TaskFlows.CallBack(new JsonObject { ["escalateAfter"] = Literal("04:00:00", "TimeSpan") }));
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        host.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(3));
        await host.Scheduler.TickAsync();
        Assert.Empty(host.Lines.Lines);

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Scheduler.TickAsync();
        Assert.Equal(["timed out"], host.Lines.Lines);
        var task = await SingleTaskAsync(host);
        Assert.Equal(ActivityStatus.Planned, task.Status);
        Assert.Equal(host.Clock.GetUtcNow(), task.EscalatedAt);
        Assert.Null(task.WorkflowBookmarkId);

        await host.Get<SalesActivityService>().CompleteAsync(task.Id, new ActivityOutcome("Interested"), null, await host.PrincipalAsync("rep"));
        await host.Dispatcher.DispatchPendingAsync();
        Assert.Equal(["timed out"], host.Lines.Lines);
    }

    [Fact]
    public async Task WithoutListedOutcomes_AnyOutcomeGoesOnAtDone()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var rep = await host.AddUserAsync("rep");
        var lead = await host.AddLeadAsync(rep.Id);
        await host.PublishAsync(Json(
            [Activity("task", "Sfa.CreateTask", new JsonObject { ["subject"] = Literal("Send brochure") }), WriteLineJs("done", "'done: ' + getOutputFrom('task', 'outcome')")],
            [Connect("task", "done")]));
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        var task = await SingleTaskAsync(host);
        await host.Get<SalesActivityService>().CompleteAsync(task.Id, new ActivityOutcome("Sent"), null, await host.PrincipalAsync("rep"));
        await host.Dispatcher.DispatchPendingAsync();

        Assert.Equal(["done: Sent"], host.Lines.Lines);
    }

    internal static async Task<SalesActivity> SingleTaskAsync(SalesWorkflowHost host)
    {
        await using var db = await host.OpenAsync();
        return await db.Activities.AsNoTracking().SingleAsync();
    }
}
