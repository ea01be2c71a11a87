namespace SfaFlow.Plugins.Activities;

/// <summary>
/// An activity input of type <typeparamref name="T"/>. In workflow JSON it is written as
/// <c>{"typeName": ..., "expression": {"type": "Literal" | "JavaScript" | ..., "value": ...}}</c>; read it with
/// <see cref="IActivityExecutionContext.GetInput{T}(Input{T})"/>, which evaluates the expression in the running workflow.
/// </summary>
/// <typeparam name="T">The type the expression's result is converted to.</typeparam>
public sealed class Input<T>() : ActivityPort(typeof(T));
