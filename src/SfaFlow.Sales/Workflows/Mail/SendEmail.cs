using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Activities;
using SalesActivityKind = SfaFlow.Sales.Activities.ActivityKind;
using SfaFlow.Sales.Mail;

namespace SfaFlow.Sales.Workflows.Mail;

/// <summary>
/// Sends an e-mail about the workflow's record and logs it (Done) on the record's timeline. The Message-Id (and with the
/// pickup transport, the file name) derives from the execution's idempotency key, so a retried execution does not send twice.
/// </summary>
[Activity("Sfa.SendEmail", Category = "Sales", DisplayName = "Send e-mail", Outcomes = [DoneOutcome],
    Description = "Sends an e-mail from templates filled with the record's fields and logs it on the record's timeline.")]
public sealed class SendEmail : WorkflowActivity
{
    [Input(DisplayName = "To", Description = "Recipients, separated by commas or semicolons. Empty: the lead's or contact's e-mail address.", Order = 1)]
    public Input<string?> To { get; } = new();

    [Input(DisplayName = "Cc", Description = "Copy recipients, separated by commas or semicolons.", Order = 2)]
    public Input<string?> Cc { get; } = new();

    [Input(Description = "The subject; placeholders such as {{lead.name}}, {{opportunity.amount}}, {{account.name}}, {{vars.X}} are filled in.", IsRequired = true, Order = 3)]
    public Input<string?> Subject { get; } = new();

    [Input(DisplayName = "Text body", Description = "The plain-text body, with placeholders. Give it, the HTML body, or both.", UIHint = "multiline", Order = 4)]
    public Input<string?> Body { get; } = new();

    [Input(DisplayName = "HTML body", Description = "The HTML body, with placeholders (their values are HTML-encoded).", UIHint = "multiline", Order = 5)]
    public Input<string?> HtmlBody { get; } = new();

    [Input(DisplayName = "Log on timeline", Description = "Record the e-mail as a done activity on the record, so reps see it.", UIHint = "checkbox", DefaultValue = true, Order = 6)]
    public Input<bool> LogActivity { get; } = new();

    [Output(DisplayName = "Message-Id", Description = "The Message-Id of the e-mail sent (the same for every retry of this execution).")]
    public Output<string?> MessageId { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = await context.LoadRecordAsync();
        var subjectTemplate = context.GetInput(Subject);
        if (string.IsNullOrWhiteSpace(subjectTemplate))
        {
            throw new InvalidOperationException("Sfa.SendEmail needs a subject.");
        }

        var textTemplate = context.GetInput(Body);
        var htmlTemplate = context.GetInput(HtmlBody);
        if (string.IsNullOrWhiteSpace(textTemplate) && string.IsNullOrWhiteSpace(htmlTemplate))
        {
            throw new InvalidOperationException("Sfa.SendEmail needs a body: set 'body' (plain text), 'htmlBody', or both.");
        }

        var values = new Dictionary<string, object?>(record.Views, StringComparer.Ordinal)
        {
            ["vars"] = Variables(context, subjectTemplate, textTemplate, htmlTemplate),
        };
        var sender = context.Service<MailSender>();
        var message = new MimeMessage { Subject = MailTemplate.Render(subjectTemplate, values), MessageId = MessageIdFor(context.IdempotencyKey, sender.From) };
        message.From.Add(sender.From);
        AddAddresses(message.To, context.GetInput(To) is { Length: > 0 } to ? to : record.Email, "to");
        AddAddresses(message.Cc, context.GetInput(Cc), "cc");
        if (message.To.Count == 0)
        {
            throw new InvalidOperationException(
                $"Sfa.SendEmail has no recipient: set 'to', or run the workflow for a lead or contact with an e-mail address (the record is '{record.Reference?.ToString() ?? "none"}').");
        }

        message.Date = context.Now;
        message.Body = new BodyBuilder
        {
            TextBody = string.IsNullOrWhiteSpace(textTemplate) ? null : MailTemplate.Render(textTemplate, values),
            HtmlBody = string.IsNullOrWhiteSpace(htmlTemplate) ? null : MailTemplate.Render(htmlTemplate, values, html: true),
        }.ToMessageBody();

        await sender.SendAsync(message, context.CancellationToken);
        context.SetOutput(MessageId, message.MessageId);
        if (context.GetInput(LogActivity))
        {
            await LogOnTimelineAsync(context, record, message);
        }
    }

    /// <summary>A Message-Id that is the same for every retry of one execution and unique across executions.</summary>
    private static string MessageIdFor(string idempotencyKey, MailboxAddress from)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];
        var domain = from.Domain is { Length: > 0 } d ? d : "sfaflow.local";
        return $"{hash}@{domain}";
    }

    private static Dictionary<string, object?> Variables(IActivityExecutionContext context, params string?[] templates)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in templates.SelectMany(MailTemplate.VariableNames).Distinct(StringComparer.Ordinal))
        {
            if (context.GetVariable(name) is { } value)
            {
                variables[name] = value;
            }
        }

        return variables;
    }

    private static void AddAddresses(InternetAddressList list, string? addresses, string input)
    {
        foreach (var address in (addresses ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MailboxAddress.TryParse(address, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Sfa.SendEmail: '{address}' in '{input}' is not an e-mail address.");
            }

            list.Add(mailbox);
        }
    }

    /// <summary>
    /// Logs the e-mail as a done activity, once: the Message-Id is in its notes, and an activity that already carries it
    /// (an earlier attempt of this execution logged it before a crash) is not logged again.
    /// </summary>
    private static async Task LogOnTimelineAsync(IActivityExecutionContext context, WorkflowRecord record, MimeMessage message)
    {
        var marker = $"Message-Id: <{message.MessageId}>";
        var fields = record.ActivityAbout(SalesActivityKind.Email, message.Subject ?? "", $"To: {message.To}\n{marker}");
        if (fields is null)
        {
            return;
        }

        await using (var db = await context.Service<ISalesDatabaseFactory>().OpenAsync(context.CancellationToken))
        {
            if (await db.Activities.AnyAsync(a => a.Kind == SalesActivityKind.Email && a.Notes != null && a.Notes.Contains(marker), context.CancellationToken))
            {
                return;
            }
        }

        await context.Service<SalesActivityService>().LogAsync(fields, new ActivityOutcome("Sent"), context.Principal(), context.CancellationToken);
    }
}
