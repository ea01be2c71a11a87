namespace SfaFlow.Plugins.Activities;

/// <summary>Describes an <see cref="Output{T}"/> property to the designer.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>The label shown in the designer; defaults to the property name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>What the output holds.</summary>
    public string? Description { get; set; }
}
