namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// The workflow instance a host function is being called for, flowing into the call's thread-pool task. Lets plugin
/// functions act for that workflow without widening <see cref="ScriptFunction.Invoke"/>'s signature. Null or empty for
/// scripts evaluated outside a workflow (stage gates, rules).
/// </summary>
internal static class HostCallContext
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? WorkflowInstanceId => Current.Value;

    public static Scope Enter(string? workflowInstanceId)
    {
        var previous = Current.Value;
        Current.Value = workflowInstanceId;
        return new Scope(previous);
    }

    public readonly struct Scope(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
