namespace SfaFlow.Plugins.Activities;

/// <summary>Describes an <see cref="Input{T}"/> property to the designer and to validation.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    /// <summary>The label shown in the designer; defaults to the property name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Help text shown next to the field.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The editor the designer uses, for example <c>singleline</c>, <c>multiline</c>, <c>checkbox</c>, <c>dropdown</c>,
    /// <c>code-editor</c>, <c>timespan</c>, <c>datetime</c>, <c>cron</c>, <c>json</c>.
    /// </summary>
    public string? UIHint { get; set; }

    /// <summary>The value used when the workflow JSON does not set the input.</summary>
    public object? DefaultValue { get; set; }

    /// <summary>The expression type the designer proposes first: <c>Literal</c>, <c>JavaScript</c>, <c>Object</c>, ...</summary>
    public string DefaultSyntax { get; set; } = "Literal";

    /// <summary>The allowed values for a dropdown, when they are fixed.</summary>
    public string[]? Options { get; set; }

    /// <summary>Whether validation reports a missing value.</summary>
    public bool IsRequired { get; set; }

    /// <summary>
    /// False when the JSON holds the value itself rather than an <c>{typeName, expression}</c> wrapper (Elsa's
    /// <c>SetVariable.variable</c> and <c>FlowSwitch.cases</c> are written that way).
    /// </summary>
    public bool IsWrapped { get; set; } = true;

    /// <summary>Orders the fields in the designer; lower comes first.</summary>
    public int Order { get; set; }
}
