using SfaFlow.Cli.Running;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Cli.Output;

/// <summary>The parts of a finished run that both reports show, in the order and with the names they show them.</summary>
internal static class RunReport
{
    /// <summary>
    /// Workflow variables by name. The instance keys declared variables by id (names may repeat across scopes and be
    /// renamed in the designer); variables a script created without declaring them are already keyed by name.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, object?>> Variables(RunOutcome outcome)
    {
        var names = outcome.Definition.Variables
            .GroupBy(v => v.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return outcome.Instance.Variables.Select(v => KeyValuePair.Create(names.GetValueOrDefault(v.Key, v.Key), v.Value));
    }

    /// <summary>
    /// How a person recognises an activity: its name, with the id when they differ, because designer exports use
    /// generated ids (<c>WriteLine1 [cfffbc06a0b6eeb0]</c>). Activities of child workflows are not in the definition: id alone.
    /// </summary>
    public static string Activity(RunOutcome outcome, string activityId) =>
        outcome.Definition.AllActivities().FirstOrDefault(a => a.Id == activityId) is { Name: { Length: > 0 } name } && name != activityId
            ? $"{name} [{activityId}]"
            : activityId;

    public static string Status(WorkflowInstance instance) => $"{instance.Status}/{instance.SubStatus}";

    /// <summary>An activity's outcomes as one string: <c>Done</c>, <c>True</c>, or <c>One, Two</c> for a fork; null while it runs.</summary>
    public static string? Outcome(JournalEntry entry) =>
        entry.Outcomes is { Count: > 0 } outcomes ? string.Join(", ", outcomes) : null;

    public static string? Due(Bookmark bookmark) =>
        bookmark.DueAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
