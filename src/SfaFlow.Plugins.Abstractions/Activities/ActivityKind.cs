namespace SfaFlow.Plugins.Activities;

/// <summary>How an activity takes part in a workflow; shown in the designer and used to index triggers.</summary>
public enum ActivityKind
{
    /// <summary>Does its work and moves on (it may still wait on a bookmark, like a delay).</summary>
    Action,

    /// <summary>Can start a new workflow instance when its <c>canStartWorkflow</c> custom property is true.</summary>
    Trigger,

    /// <summary>Hands work to a person and waits for them to finish it.</summary>
    Task,
}
