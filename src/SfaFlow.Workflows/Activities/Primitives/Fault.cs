using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Primitives;

/// <summary>Fails on purpose: the activity faults with the given message and the instance gets an incident.</summary>
[Activity("Elsa.Fault", Category = "Primitives", DisplayName = "Fault", Outcomes = [], Description = "Raises a fault.")]
internal sealed class Fault : WorkflowActivity
{
    [Input(Description = "A code for the fault.", DefaultValue = "0")]
    public Input<string?> Code { get; } = new();

    [Input(Description = "A category for the fault.", DefaultValue = "General")]
    public Input<string?> Category { get; } = new();

    [Input(Description = "The kind of fault.", DefaultValue = "System")]
    public Input<string?> FaultType { get; } = new();

    [Input(Description = "What went wrong.")]
    public Input<string?> Message { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new WorkflowFaultException(context.GetInput(Code), context.GetInput(Category), context.GetInput(FaultType), context.GetInput(Message));
}

/// <summary>The exception <c>Elsa.Fault</c> raises; the incident keeps its message.</summary>
public sealed class WorkflowFaultException : Exception
{
    public WorkflowFaultException(string? code, string? category, string? faultType, string? message)
        : base(message)
    {
        Code = code;
        Category = category;
        FaultType = faultType;
    }

    public WorkflowFaultException()
        : this(null, null, null, null)
    {
    }

    public WorkflowFaultException(string message)
        : this(null, null, null, message)
    {
    }

    public WorkflowFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Code { get; }

    public string? Category { get; }

    public string? FaultType { get; }
}
