using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfaFlow.Sales.Workflows.Tasks;

/// <summary>
/// The bookmarks a workflow task waits on, and how a completion reaches them: <see cref="TaskCompletedRoute"/> turns the
/// TaskCompleted event into <see cref="Name"/> with key <c>task:{id}</c>, and <see cref="Completion"/> reads the event back.
/// </summary>
public static class TaskBookmarks
{
    /// <summary>The bookmark a task's completion resumes.</summary>
    public const string Name = "Sfa.Task";

    /// <summary>The timer bookmark that escalates an overdue task.</summary>
    public const string Escalation = "Sfa.Task.Escalation";

    public static string Key(long taskId) => string.Create(CultureInfo.InvariantCulture, $"task:{taskId}");

    /// <summary>What the TaskCompleted event says about the completion (its <c>activity</c> object).</summary>
    public static TaskCompletion Completion(object? payload)
    {
        var node = payload as JsonNode ?? JsonSerializer.SerializeToNode(payload);
        var activity = node?["activity"] as JsonObject;
        return new TaskCompletion(Text(activity?["outcome"]), Text(activity?["note"]), Number(activity?["completedByUserId"]));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static long? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var number) ? number
        : node is JsonValue other && other.TryGetValue<double>(out var real) ? (long)real : null;
}

/// <summary>A task's completion as its workflow hears of it.</summary>
public sealed record TaskCompletion(string? Outcome, string? Note, long? CompletedByUserId);
