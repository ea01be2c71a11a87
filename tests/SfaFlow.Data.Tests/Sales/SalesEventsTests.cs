using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

/// <summary>Record changes write their domain events into the outbox with the change, and refused changes write none.</summary>
public sealed class SalesEventsTests
{
    [Fact]
    public async Task LeadAndDealChanges_WriteTheirEvents_CorrelatedToTheRecord_InOrder()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var leads = host.Get<LeadService>();
        var deals = host.Get<OpportunityService>();
        var lead = await leads.CreateAsync(new LeadFields { Name = "Ada Lovelace" }, s.Rep);
        await leads.UpdateAsync(lead.Id, new LeadFields { Name = "Ada Lovelace", Score = 70 }, null, s.Rep);
        await leads.QualifyAsync(lead.Id, "budget confirmed", null, s.Rep);
        var deal = await deals.CreateAsync(new OpportunityFields { Name = "Engines", AccountId = s.Account.Id, Currency = "EUR", ExpectedCloseDate = new DateOnly(2027, 1, 31) }, new(), s.Rep);
        await deals.LoseAsync(deal.Id, "Price", "Babbage & Co", null, s.Rep);
        await Assert.ThrowsAsync<RuleViolationException>(() => leads.UpdateAsync(lead.Id, new LeadFields { Name = "" }, null, s.Rep));

        var events = await OutboxAsync(host);

        Assert.Equal(
        [
            ("LeadCreated", $"lead:{lead.Id}"), ("LeadUpdated", $"lead:{lead.Id}"), ("RecordUpdated", $"lead:{lead.Id}"),
            ("LeadQualified", $"lead:{lead.Id}"), ("RecordUpdated", $"lead:{lead.Id}"),
            ("OpportunityCreated", $"opportunity:{deal.Id}"),
            ("OpportunityStageChanged", $"opportunity:{deal.Id}"), ("OpportunityLost", $"opportunity:{deal.Id}"), ("RecordUpdated", $"opportunity:{deal.Id}"),
        ], events.Select(e => (e.Name, e.CorrelationId!)));
        var created = JsonDocument.Parse(events[0].Payload).RootElement;
        Assert.Equal(("Ada Lovelace", lead.Id), (created.GetProperty("lead").GetProperty("name").GetString(), created.GetProperty("id").GetInt64()));
        var scored = JsonDocument.Parse(events[2].Payload).RootElement.GetProperty("changes").GetProperty("Score");
        Assert.Equal("70", scored.GetProperty("new").GetString());
        var lost = JsonDocument.Parse(events[7].Payload).RootElement;
        Assert.Equal(("Prospecting", "Lost", "Price"), (lost.GetProperty("fromStage").GetString(), lost.GetProperty("toStage").GetString(),
            lost.GetProperty("opportunity").GetProperty("lostReason").GetString()));
    }

    [Fact]
    public async Task CompletingATask_RaisesActivityCompletedAndTaskCompleted()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        long id;
        await using (var db = await host.OpenAsync())
        {
            var task = new SalesActivity { Kind = ActivityKind.Task, Subject = "Call back", AccountId = s.Account.Id, OwnerId = s.Rep.UserId, WorkflowBookmarkId = "b-1" };
            db.Activities.Add(task);
            await db.SaveChangesAsync();
            id = task.Id;
        }

        await host.Get<SalesActivityService>().CompleteAsync(id, new ActivityOutcome("No answer", null), null, s.Rep);

        var events = (await OutboxAsync(host)).Where(e => e.Name != "RecordUpdated").ToList();
        Assert.Equal(["ActivityCompleted", "TaskCompleted"], events.Select(e => e.Name));
        var activity = JsonDocument.Parse(events[1].Payload).RootElement.GetProperty("activity");
        Assert.Equal(("No answer", "b-1"), (activity.GetProperty("outcome").GetString(), activity.GetProperty("workflowBookmarkId").GetString()));
    }

    private static async Task<List<SfaFlow.Data.Outbox.OutboxMessage>> OutboxAsync(SalesHost host)
    {
        await using var db = await host.Get<IDbContextFactory<SfaFlowDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }
}
