using System.Text.Json;
using Jint;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Data.Tests.Demo;

[Collection(DemoDatabase.Name)]
public sealed class DemoRecordTests(SeededDemo demo)
{
    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web);

    [Fact]
    public void StageGates_AllParseAsJavaScript()
    {
        var gates = demo.Pipelines.SelectMany(p => p.Stages).Where(s => s.GateCondition is not null).ToList();

        Assert.True(gates.Count >= 10);
        Assert.All(gates, s => ScriptCompiler.Validate(s.GateCondition!));
        Assert.All(gates, s => Assert.False(string.IsNullOrWhiteSpace(s.GateMessage)));
        Assert.All(demo.Pipelines, p => Assert.Equal((1, 1), (p.Stages.Count(s => s.IsWon), p.Stages.Count(s => s.IsLost))));
        Assert.All(demo.Pipelines.SelectMany(p => p.Stages).Where(s => !s.IsWon && !s.IsLost), s => Assert.NotNull(s.StallThresholdDays));
    }

    [Fact]
    public void StageGates_HoldForEveryDealThatEnteredTheirStage()
    {
        // The deal as scripts see it: its fields in camelCase and its completed tasks' subjects (the shape the stage-gate
        // service gives `opportunity`).
        var stages = demo.Stages;
        var entered = demo.StageChanges.ToLookup(c => c.OpportunityId, c => stages[c.ToStageId]);
        var completedTasks = demo.Activities.Where(a => a.Kind == ActivityKind.Task && a.Status == ActivityStatus.Done && a.OpportunityId is not null)
            .ToLookup(a => a.OpportunityId!.Value, a => a.Subject);
        var engine = new Engine(o => o.Strict());
        Assert.All(demo.Opportunities, deal =>
        {
            engine.Execute($"var opportunity = {JsonSerializer.Serialize(deal, CamelCase)};");
            engine.Execute($"opportunity.completedTasks = {JsonSerializer.Serialize(completedTasks[deal.Id])};");
            Assert.All(entered[deal.Id].Where(s => s.GateCondition is not null), stage =>
                Assert.True(engine.Evaluate(stage.GateCondition!).AsBoolean(), $"Deal {deal.Id} entered {stage.Name} without passing `{stage.GateCondition}`."));
        });
        // Negotiation in New Business waits for the proposal (workflows/opportunity-stage-gates.json), and deals did get there.
        var negotiation = demo.Pipelines.SelectMany(p => p.Stages).Single(st => st.Name == "Negotiation");
        Assert.Contains("opportunity.completedTasks.includes('Send proposal')", negotiation.GateCondition, StringComparison.Ordinal);
        Assert.Contains(demo.StageChanges, c => c.ToStageId == negotiation.Id);
    }

    [Fact]
    public void Leads_AreScoredAndConvertedLeadsPointAtTheirDeal()
    {
        var deals = demo.Opportunities.ToDictionary(o => o.Id);
        var converted = demo.Leads.Where(l => l.Status == LeadStatus.Converted).ToList();

        Assert.Equal(100, converted.Count);
        Assert.All(converted, lead =>
        {
            var deal = deals[lead.ConvertedOpportunityId!.Value];
            Assert.Equal((lead.Id, deal.AccountId, deal.CreatedAt), (deal.LeadId, lead.ConvertedAccountId!.Value, lead.ConvertedAt!.Value));
            Assert.Equal(deal.AccountId, demo.Contacts.Single(c => c.Id == lead.ConvertedContactId).AccountId);
            Assert.True(lead.CreatedAt < lead.ConvertedAt);
        });
        Assert.All(demo.Leads.Where(l => l.Score is not null), l => Assert.InRange(l.Score!.Value, 0, 100));
        Assert.All(demo.Leads.Where(l => l.Score is not null), l => Assert.False(string.IsNullOrEmpty(l.ScoreExplanation)));
        Assert.All(demo.Leads.Where(l => l.Status == LeadStatus.Disqualified), l => Assert.NotNull(l.DisqualifiedReason));
        Assert.Equal(100, demo.Opportunities.Count(o => o.LeadId is not null));
    }

    [Fact]
    public void Activities_AreDoneInThePast_PlannedAhead_AndSomeAreOverdue()
    {
        var deals = demo.Opportunities.ToDictionary(o => o.Id);
        var contacts = demo.Contacts.ToDictionary(c => c.Id);

        Assert.Equal(Enum.GetValues<ActivityKind>(), demo.Activities.Select(a => a.Kind).Distinct().Order());
        Assert.All(demo.Activities.Where(a => a.Status == ActivityStatus.Done), a => Assert.True(a.CompletedAt < demo.Today && a.CompletedAt >= a.DueAt));
        Assert.All(demo.Activities.Where(a => a.Status != ActivityStatus.Done), a => Assert.Null(a.CompletedAt));
        Assert.InRange(demo.Activities.Count(a => a.Status == ActivityStatus.Planned && a.DueAt >= demo.Today), 300, 2_000);
        Assert.InRange(demo.Activities.Count(a => a.Status == ActivityStatus.Planned && a.DueAt < demo.Today), 20, 500);
        Assert.All(demo.Activities, a => Assert.True(a.LeadId is not null || a.AccountId is not null));
        Assert.All(demo.Activities.Where(a => a.ContactId is not null), a => Assert.Equal(a.AccountId, contacts[a.ContactId!.Value].AccountId));
        Assert.All(demo.Activities.Where(a => a.OpportunityId is not null), a =>
        {
            var deal = deals[a.OpportunityId!.Value];
            Assert.Equal(deal.AccountId, a.AccountId);
            Assert.True(a.DueAt >= deal.CreatedAt && (deal.ClosedAt is null || a.DueAt < deal.ClosedAt), $"Activity {a.Id} lies outside deal {deal.Id}'s life.");
        });
        Assert.All(demo.Activities.Where(a => a.Kind is ActivityKind.Meeting or ActivityKind.Visit), a => Assert.True(a.StartAt < a.EndAt));
    }
}
