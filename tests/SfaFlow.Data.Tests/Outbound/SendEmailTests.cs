using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SfaFlow.Sales.Activities;
using SalesActivityStatus = SfaFlow.Sales.Activities.ActivityStatus;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Outbound;

/// <summary>Sfa.SendEmail in published workflows: a real .eml in the pickup folder, once per execution, logged on the timeline.</summary>
public sealed class SendEmailTests
{
    private static JsonObject SendEmail(string id, string subject, string? body = null, string? html = null, string? to = null) =>
        Activity(id, "Sfa.SendEmail", new JsonObject
        {
            ["subject"] = Literal(subject),
            ["body"] = Literal(body),
            ["htmlBody"] = Literal(html),
            ["to"] = Literal(to),
        });

    [Fact]
    public async Task SendEmail_WritesAParseableMessageWithThePlaceholdersFilled_AndLogsItOnTheLead()
    {
        await using var host = await OutboundHost.CreateAsync();
        var lead = await host.AddLeadAsync(name: "Ada <Lovelace>");
        await host.PublishAsync(Json(
            [SetVariable("discount", "Discount", Literal("15")), SendEmail("mail", "Hello {{lead.name}}", "Dear {{ lead.name }} of {{lead.company}}: {{vars.Discount}}% off.", "<p>Dear {{lead.name}}</p>")],
            [Connect("discount", "mail")],
            variables: [Variable("Discount", "String")]));

        var instance = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        var file = Assert.Single(host.PickedUpFiles());
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Hello Ada <Lovelace>", message.Subject);
        Assert.Equal("ada@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("sales@example.com", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Dear Ada <Lovelace> of Analytical Engines: 15% off.", message.TextBody?.Trim());
        Assert.Contains("<p>Dear Ada &lt;Lovelace&gt;</p>", message.HtmlBody ?? "", StringComparison.Ordinal);
        Assert.Equal(message.MessageId, instance.ActivityOutputs["mail"]["messageId"]);

        await using var db = await host.Sales.OpenAsync();
        var logged = await db.Activities.SingleAsync(a => a.LeadId == lead.Id);
        Assert.Equal((ActivityKind.Email, SalesActivityStatus.Done, "Hello Ada <Lovelace>"), (logged.Kind, logged.Status, logged.Subject));
        Assert.Equal(lead.OwnerId, logged.OwnerId);
    }

    [Fact]
    public async Task SendEmail_RetriedAfterACrash_SendsAndLogsOnce()
    {
        await using var host = await OutboundHost.CreateAsync();
        var lead = await host.AddLeadAsync();
        var definition = (await host.PublishAsync(Json([Event("go", "Go"), SendEmail("mail", "Hi {{lead.name}}", "Text")], [Connect("go", "mail")]))).ToDefinition();
        var waiting = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });
        var instances = host.Sales.Get<IWorkflowInstanceStore>();

        // A runtime takes the lease to resume, sends the e-mail, and dies before it commits.
        var dead = new Lease("dead-runtime", host.Sales.Clock.GetUtcNow().AddSeconds(30));
        var claim = await instances.TryClaimAsync(waiting.Id, dead, new RuntimeStimulus(RuntimeStimulus.Resume, waiting.Bookmarks[0].Id));
        Assert.Equal(ClaimStatus.Claimed, claim.Status);
        var lost = await host.Sales.Get<WorkflowEngine>().ResumeAsync(definition, claim.Stored!.Instance, waiting.Bookmarks[0].Id);
        Assert.Equal(WorkflowSubStatus.Finished, lost.SubStatus);
        Assert.Single(host.PickedUpFiles());

        // Recovery runs the same execution again from the last commit.
        host.Sales.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await host.Runtime.RecoverAsync());

        var finished = (await instances.FindAsync(waiting.Id))!.Instance;
        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        Assert.Equal(lost.ActivityOutputs["mail"]["messageId"], finished.ActivityOutputs["mail"]["messageId"]);
        Assert.Single(host.PickedUpFiles());
        await using var db = await host.Sales.OpenAsync();
        Assert.Equal(1, await db.Activities.CountAsync(a => a.LeadId == lead.Id && a.Kind == ActivityKind.Email));
    }

    [Fact]
    public async Task SendEmail_UnknownPlaceholder_IsAnIncidentNamingIt()
    {
        await using var host = await OutboundHost.CreateAsync();
        var lead = await host.AddLeadAsync();
        await host.PublishAsync(Json([SendEmail("mail", "Hi {{lead.nmae}}", "Text")]));

        var instance = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        var incident = Assert.Single(instance.Incidents);
        Assert.Contains("{{lead.nmae}}", incident.Message, StringComparison.Ordinal);
        Assert.Empty(host.PickedUpFiles());
    }
}
