using System.Text.Json.Serialization;
using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Catalog;

/// <summary>An activity input as the designer sees it.</summary>
public sealed record InputDescriptor
{
    /// <summary>The camelCase JSON key.</summary>
    public required string Name { get; init; }

    /// <summary>Elsa's type alias for the value (<c>String</c>, <c>Boolean</c>, <c>TimeSpan</c>, <c>Object</c>, ...).</summary>
    public required string TypeName { get; init; }

    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    public string? UIHint { get; init; }

    public object? DefaultValue { get; init; }

    public string DefaultSyntax { get; init; } = "Literal";

    public IReadOnlyList<string>? Options { get; init; }

    public bool IsRequired { get; init; }

    /// <summary>False when the JSON holds the value itself rather than an expression wrapper.</summary>
    public bool IsWrapped { get; init; } = true;

    public int Order { get; init; }

    [JsonIgnore]
    // Not 'required': System.Text.Json refuses required members it is told to ignore.
    public Type ValueType { get; init; } = typeof(object);

    [JsonIgnore]
    // Not 'required': System.Text.Json refuses required members it is told to ignore.
    public ActivityPort Port { get; init; } = null!;
}
