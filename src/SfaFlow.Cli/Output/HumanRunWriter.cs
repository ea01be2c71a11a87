using SfaFlow.Cli.Running;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Cli.Output;

/// <summary>
/// The default report: the lines the workflow wrote, exactly as written, then a summary. Empty sections are left out so a
/// plain run reads as its lines and one status line.
/// </summary>
internal static class HumanRunWriter
{
    public static void Write(RunOutcome outcome, TextWriter stdout)
    {
        var instance = outcome.Instance;
        foreach (var line in outcome.Lines)
        {
            stdout.WriteLine(line);
        }

        if (outcome.Lines.Count > 0)
        {
            stdout.WriteLine();
        }

        stdout.WriteLine($"Status: {RunReport.Status(instance)}");
        Section(stdout, "Variables", RunReport.Variables(outcome).Select(v => $"{v.Key} = {JsonValues.ToText(v.Value)}"));
        Section(stdout, "Outputs", instance.Output.Select(o => $"{o.Key} = {JsonValues.ToText(o.Value)}"));
        Section(stdout, "Bookmarks", instance.Bookmarks.Select(Describe));
        Section(stdout, "Incidents", instance.Incidents.Select(i => Describe(outcome, i)));
    }

    /// <summary><c>Elsa.Event key=Approved</c>, <c>Elsa.Delay due=2026-11-28T09:00:00.0000000+00:00</c>.</summary>
    private static string Describe(Bookmark bookmark)
    {
        var text = bookmark.Name;
        if (bookmark.Key is { } key)
        {
            text += $" key={key}";
        }

        return RunReport.Due(bookmark) is { } due ? $"{text} due={due}" : text;
    }

    private static string Describe(RunOutcome outcome, Incident incident)
    {
        var text = $"{RunReport.Activity(outcome, incident.ActivityId)}: {incident.Message}";
        return incident.Script is { } at ? $"{text} (line {at.Line}, column {at.Column})" : text;
    }

    private static void Section(TextWriter stdout, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        stdout.WriteLine($"{title}:");
        foreach (var item in list)
        {
            stdout.WriteLine($"  {item}");
        }
    }
}
