namespace SfaFlow.Plugins.Activities;

/// <summary>
/// An activity output of type <typeparamref name="T"/>. Set it with
/// <see cref="IActivityExecutionContext.SetOutput{T}(Output{T}, T)"/>; the workflow can bind it to a variable and scripts read it
/// with <c>getOutputFrom('activityName', 'name')</c>.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class Output<T>() : ActivityPort(typeof(T));
