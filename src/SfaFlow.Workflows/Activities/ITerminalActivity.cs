namespace SfaFlow.Workflows.Activities;

/// <summary>Marks an activity whose completion ends its flowchart at once (Elsa's End, Break and Complete).</summary>
internal interface ITerminalActivity;
