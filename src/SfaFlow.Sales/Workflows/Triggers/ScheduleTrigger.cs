using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Runtime.Triggers;

namespace SfaFlow.Sales.Workflows.Triggers;

/// <summary>
/// "Every weekday at 08:00, for each stalled deal": at each occurrence of a cron schedule, one workflow per lead or deal
/// that the list query and the condition pick, correlated to it. A deal's view also says how long it has been in its
/// stage and whether that is past the stage's stall threshold.
/// </summary>
[Activity("Sfa.Schedule", Category = "Sales triggers", DisplayName = "Schedule over records", Kind = ActivityKind.Trigger,
    Description = "On a cron schedule, starts the workflow once for each lead or deal the query and the condition pick.")]
public sealed class ScheduleTrigger : WorkflowActivity, IScheduledFanOut
{
    /// <summary>The most records one occurrence starts workflows for: a schedule over a whole table is a mistake to stop early.</summary>
    public const int MaxRecords = 5000;

    [Input(DisplayName = "Cron expression", Description = "Six fields, seconds first, in the time zone below: '0 0 8 * * 1-5' is 08:00 on weekdays.", UIHint = "cron", IsRequired = true)]
    public Input<string?> CronExpression { get; } = new();

    [Input(DisplayName = "Time zone", Description = "The time zone of the cron expression's hours, an IANA id such as Europe/Berlin; empty: UTC.", UIHint = "singleline")]
    public Input<string?> TimeZone { get; } = new();

    [Input(DisplayName = "Record type", Description = "Lead or Opportunity.", UIHint = "dropdown", Options = ["Opportunity", "Lead"], IsRequired = true)]
    public Input<string?> RecordType { get; } = new();

    [Input(Description = "List filters as in the API's lists, e.g. 'status=Open&amountInReportingCurrencyMin=10000'; empty: every record.", UIHint = "singleline")]
    public Input<string?> Query { get; } = new();

    [Input(Description = "JavaScript over `opportunity` (with daysInStage, stallThresholdDays, isStalled, ownerName) or `lead`; empty: every record the query lists.", UIHint = "code-editor")]
    public Input<string?> Condition { get; } = new();

    [Output(Description = "The record as scripts see it.")]
    public Output<object?> Record { get; } = new();

    [Output(Description = "The occurrence this run belongs to.")]
    public Output<DateTimeOffset?> ScheduledAt { get; } = new();

    string? IScheduledFanOut.CronExpression(IReadOnlyDictionary<string, object?> settings) => Setting(settings, CronExpression);

    string? IScheduledFanOut.TimeZone(IReadOnlyDictionary<string, object?> settings) => Setting(settings, TimeZone)?.Trim() switch
    {
        null or "" => null,
        var id when TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) => id,
        var id => throw new InvalidOperationException($"Sfa.Schedule: '{id}' is not a time zone this server knows; use an IANA id such as Europe/Berlin, or leave it empty for UTC."),
    };

    public async Task<IReadOnlyList<FanOutItem>> ExpandAsync(IReadOnlyDictionary<string, object?> settings, DateTimeOffset scheduledAt, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var query = RecordQuery.FromParameters(ParseQuery(Setting(settings, Query)));
        var condition = Setting(settings, Condition);
        var lists = services.GetRequiredService<RecordLists>();
        var system = SalesPrincipal.ForWorkflow("schedule");
        var items = new List<FanOutItem>();
        switch (Setting(settings, RecordType)?.ToLowerInvariant())
        {
            case "lead":
                await foreach (var lead in lists.StreamAsync(SalesLists.Leads, query, system, cancellationToken))
                {
                    Add(items, services, condition, RecordReference.Lead, lead.Id, "lead", LeadScriptView.Create(lead), scheduledAt, cancellationToken);
                }

                break;
            case "opportunity":
                await using (var db = await services.GetRequiredService<ISalesDatabaseFactory>().OpenAsync(cancellationToken))
                {
                    var stages = await db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
                    var people = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
                    var deals = await lists.StreamAsync(SalesLists.Opportunities, query, system, cancellationToken).ToListAsync(cancellationToken);
                    foreach (var batch in deals.Chunk(500))
                    {
                        // What has been done on each deal (completedTasks, doneActivities), read once per batch of deals.
                        var ids = batch.Select(d => d.Id).ToList();
                        var activities = (await db.Activities.AsNoTracking().Where(a => a.OpportunityId != null && ids.Contains(a.OpportunityId.Value))
                            .ToListAsync(cancellationToken)).ToLookup(a => a.OpportunityId!.Value);
                        foreach (var deal in batch)
                        {
                            var stage = stages[deal.StageId];
                            var view = OpportunityScriptView.Create(deal, stage, [.. activities[deal.Id]]);
                            var days = (int)Math.Floor((scheduledAt - deal.StageEnteredAt).TotalDays);
                            view["daysInStage"] = days;
                            view["stallThresholdDays"] = stage.StallThresholdDays;
                            view["isStalled"] = deal.Status == OpportunityStatus.Open && stage.StallThresholdDays is { } threshold && days > threshold;
                            // A task for a manager about the deal names the rep; the record's owner id alone says nothing to a person.
                            view["ownerName"] = people.GetValueOrDefault(deal.OwnerId);
                            Add(items, services, condition, RecordReference.Opportunity, deal.Id, "opportunity", view, scheduledAt, cancellationToken);
                        }
                    }
                }

                break;
            default:
                throw new InvalidOperationException($"Sfa.Schedule needs a record type, Lead or Opportunity; it has '{Setting(settings, RecordType)}'.");
        }

        return items;
    }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsTriggerOfThisRun)
        {
            throw new InvalidOperationException("Sfa.Schedule only starts workflows (set canStartWorkflow); it cannot wait in the middle of one.");
        }

        var payload = context.TriggerPayload as IReadOnlyDictionary<string, object?>;
        context.SetOutput(Record, payload?.GetValueOrDefault("record"));
        context.SetOutput(ScheduledAt, payload?.GetValueOrDefault("scheduledAt") as DateTimeOffset?);
        return ValueTask.CompletedTask;
    }

    private static void Add(List<FanOutItem> items, IServiceProvider services, string? condition, string type, long id, string global,
        Dictionary<string, object?> view, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        if (items.Count >= MaxRecords)
        {
            throw new InvalidOperationException($"Sfa.Schedule picked more than {MaxRecords} records in one occurrence; narrow its query.");
        }

        if (ScriptConditions.Holds(services, condition, new Dictionary<string, object?> { [global] = view }, cancellationToken))
        {
            items.Add(new FanOutItem(new RecordReference(type, id).ToString(), new Dictionary<string, object?> { ["record"] = view, ["scheduledAt"] = scheduledAt }));
        }
    }

    private static string? Setting(IReadOnlyDictionary<string, object?> settings, Input<string?> input) =>
        settings.TryGetValue(input.Name, out var value) && value?.ToString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>'a=1&amp;b=2' as parameters, the way a list's URL query reads.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> ParseQuery(string? query) =>
        (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => KeyValuePair.Create(Uri.UnescapeDataString(parts[0].Trim()), parts.Length > 1 ? (string?)Uri.UnescapeDataString(parts[1].Trim()) : ""));
}
