using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Expressions;

/// <summary>An activity input's expression, compiled once per definition; evaluating gives a value of the input's type.</summary>
internal abstract class CompiledInput(Type valueType)
{
    public Type ValueType { get; } = valueType;

    public abstract object? Evaluate(ActivityExecutionContext context);

    /// <summary>The value when it does not depend on the run (Literal and Object expressions).</summary>
    public virtual bool IsConstant => false;
}

/// <summary>A Literal or Object expression, converted to the input's type when the definition is compiled.</summary>
internal sealed class ConstantInput(Type valueType, object? value) : CompiledInput(valueType)
{
    public object? Value { get; } = value;

    public override bool IsConstant => true;

    public override object? Evaluate(ActivityExecutionContext context) => Value;
}

/// <summary>A Variable expression: the current value of the variable with this id.</summary>
internal sealed class VariableInput(Type valueType, string variableId) : CompiledInput(valueType)
{
    public override object? Evaluate(ActivityExecutionContext context) =>
        ValueConverter.Convert(context.GetVariableById(variableId), ValueType);
}

/// <summary>An Input expression: the workflow input with this name.</summary>
internal sealed class WorkflowInputInput(Type valueType, string name) : CompiledInput(valueType)
{
    public override object? Evaluate(ActivityExecutionContext context) =>
        ValueConverter.Convert(context.GetInput(name), ValueType);
}

/// <summary>A JavaScript expression, evaluated in the run's sandboxed engine.</summary>
internal sealed class ScriptInput(Type valueType, CompiledScript script) : CompiledInput(valueType)
{
    public CompiledScript Script { get; } = script;

    public override object? Evaluate(ActivityExecutionContext context) =>
        ValueConverter.Convert(context.EvaluateScript(Script), ValueType);
}
