using SfaFlow.Sales.Activities;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    /// <summary>
    /// The completed "Send proposal" task of every deal that entered a stage gated on it, as the stage-gates workflow would
    /// have left it: given when the deal reached the stage before, done before the deal moved on. Without it the history
    /// would show deals passing a gate they could not have passed. No random draws: the same deals always get the same tasks.
    /// </summary>
    private List<SalesActivity> ProposalTasks()
    {
        var gated = Pipelines.SelectMany(p => p.Stages).Where(s => s.GateCondition?.Contains(ProposalSent, StringComparison.Ordinal) == true)
            .Select(s => s.Id).ToHashSet();
        var deals = Opportunities.ToDictionary(o => o.Id);
        var tasks = new List<SalesActivity>();
        foreach (var history in StageChanges.GroupBy(c => c.OpportunityId))
        {
            var changes = history.OrderBy(c => c.At).ToList();
            var entry = changes.FindIndex(c => gated.Contains(c.ToStageId));
            if (entry < 0)
            {
                continue;
            }

            var deal = deals[history.Key];
            var givenAt = entry > 0 ? changes[entry - 1].At : deal.CreatedAt;
            var doneAt = givenAt + (changes[entry].At - givenAt) / 2;
            tasks.Add(new SalesActivity
            {
                Kind = ActivityKind.Task,
                Subject = SendProposalTask,
                Status = ActivityStatus.Done,
                Priority = TaskPriority.High,
                DueAt = doneAt,
                CompletedAt = doneAt,
                Outcome = "Done",
                AccountId = deal.AccountId,
                OpportunityId = deal.Id,
                OwnerId = deal.OwnerId,
                RegionId = deal.RegionId,
                CreatedAt = givenAt,
                UpdatedAt = doneAt,
            });
        }

        return tasks;
    }
}
