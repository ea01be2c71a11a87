using System.Text.Json;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// Makes an instance whose state grew over <see cref="RuntimeOptions.MaxStateBytes"/> storable: it is Faulted with an
/// incident naming its largest parts, and those parts are dropped (values replaced by a note saying so, the journal cut
/// to its latest entries). Such an instance cannot be retried: what it worked with is gone.
/// </summary>
internal static class StateLimit
{
    private const int JournalKept = 100;

    /// <summary>Faults and cuts down the instance; <c>thorough</c> drops every value and nearly all the journal (a first pass did not fit).</summary>
    public static void Enforce(WorkflowInstance instance, long bytes, long limit, DateTimeOffset now, bool thorough)
    {
        var parts = Parts(instance).Select(part => (part.Name, Size: SizeOf(part.Value), part.Drop)).OrderByDescending(p => p.Size).ToList();
        var journalSize = SizeOf(instance.Journal);
        var largest = parts.Take(3).Select(p => $"{p.Name} {Megabytes(p.Size)}")
            .Append($"the journal ({instance.Journal.Count:N0} entries) {Megabytes(journalSize)}");

        var share = thorough ? 0 : limit / 8;
        foreach (var part in parts.Where(p => p.Size > share))
        {
            part.Drop($"[dropped: {Megabytes(part.Size)} over the instance state limit]");
        }

        if (thorough || journalSize > share)
        {
            instance.Journal.RemoveRange(0, Math.Max(0, instance.Journal.Count - (thorough ? 10 : JournalKept)));
        }

        instance.Incidents.Add(new Incident
        {
            Id = Guid.NewGuid().ToString("N"),
            ActivityId = instance.DefinitionId,
            ActivityNodeId = instance.DefinitionId,
            ActivityType = "Workflow",
            Kind = IncidentKinds.StateLimit,
            Message = $"The instance's state reached {Megabytes(bytes)}, over the limit of {Megabytes(limit)} ({RuntimeOptions.SectionName}:{nameof(RuntimeOptions.MaxStateBytes)}). " +
                      $"Largest parts: {string.Join(", ", largest)}. They were dropped so that the instance could be stored; it is faulted and cannot be retried.",
            Timestamp = now,
        });
        instance.PendingWork.Clear();
        instance.Bookmarks.Clear();
        instance.Status = WorkflowStatus.Finished;
        instance.SubStatus = WorkflowSubStatus.Faulted;
        instance.FinishedAt ??= now;
    }

    /// <summary>Every value the instance carries, named as an operator would look for it, with how to drop it.</summary>
    private static IEnumerable<(string Name, object? Value, Action<string> Drop)> Parts(WorkflowInstance instance)
    {
        foreach (var (key, value) in instance.Variables.ToList())
        {
            yield return ($"variable '{key}'", value, note => instance.Variables[key] = note);
        }

        foreach (var (key, value) in instance.Input.ToList())
        {
            yield return ($"input '{key}'", value, note => instance.Input[key] = note);
        }

        foreach (var (key, value) in instance.Output.ToList())
        {
            yield return ($"output '{key}'", value, note => instance.Output[key] = note);
        }

        foreach (var (activity, outputs) in instance.ActivityOutputs.ToList())
        {
            yield return ($"the outputs of '{activity}'", outputs, note => instance.ActivityOutputs[activity] = new() { ["dropped"] = note });
        }

        yield return ("the last result", instance.LastResult, note => instance.LastResult = note);
        foreach (var context in instance.Contexts)
        {
            if (context.Variables is { } variables)
            {
                foreach (var (key, value) in variables.ToList())
                {
                    yield return ($"variable '{key}' of '{context.ActivityId}'", value, note => variables[key] = note);
                }
            }

            if (context.State is { } state)
            {
                yield return ($"the state of '{context.ActivityId}'", state, note => context.State = new() { ["dropped"] = note });
            }
        }
    }

    private static long SizeOf(object? value) =>
        value is null ? 0 : JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), WorkflowInstanceSerializer.Options).LongLength;

    private static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:N1} MB";
}
