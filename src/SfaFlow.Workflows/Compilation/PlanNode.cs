using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Workflows.Compilation;

/// <summary>An activity of a compiled definition: its descriptor, compiled inputs and place in the graph.</summary>
internal sealed class PlanNode
{
    public required ActivityNode Node { get; init; }

    /// <summary>The activity's path: the ids of its enclosing activities and its own, joined by ':'.</summary>
    public required string NodeId { get; init; }

    /// <summary>The flowchart or container this activity sits in; null for the root.</summary>
    public PlanNode? Parent { get; init; }

    /// <summary>Null when the type is unknown: the node then faults when it runs.</summary>
    public ActivityDescriptor? Descriptor { get; init; }

    /// <summary>Compiled inputs indexed like <see cref="ActivityDescriptor.Inputs"/>; null entries are unset.</summary>
    public CompiledInput?[] Inputs { get; set; } = [];

    /// <summary>Variable ids the outputs are bound to, indexed like <see cref="ActivityDescriptor.Outputs"/>.</summary>
    public string?[] OutputBindings { get; set; } = [];

    /// <summary>Data an activity prepared for itself at compile time (switch cases, a variable target).</summary>
    public object? Data { get; set; }

    /// <summary>Set when this is a flowchart.</summary>
    public FlowchartPlan? Flowchart { get; set; }

    /// <summary>Set when this is a container (<c>Elsa.FlowNode</c>).</summary>
    public PlanNode? Body { get; set; }

    /// <summary>Position among the parent flowchart's activities.</summary>
    public int Ordinal { get; init; }

    /// <summary>Token mode: this activity's merge mode.</summary>
    public MergeMode MergeMode { get; set; }

    /// <summary>Counter mode: how this activity joins its inbound connections.</summary>
    public JoinMode JoinMode { get; set; } = JoinMode.WaitAllActive;

    /// <summary>The activity name used by scripts' output accessors (name for 3.x files, id for older ones), Pascal-cased.</summary>
    public string? AccessorName { get; init; }

    public string Id => Node.Id;

    public string Type => Node.Type;

    public bool IsTerminal => Descriptor?.IsTerminal ?? false;

    /// <summary>The inputs set to literal values, by input name (what a trigger can be indexed and filtered by).</summary>
    public IReadOnlyDictionary<string, object?> LiteralInputs()
    {
        var literals = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (Descriptor is null)
        {
            return literals;
        }

        for (var i = 0; i < Descriptor.Inputs.Count && i < Inputs.Length; i++)
        {
            if (Inputs[i] is ConstantInput constant)
            {
                literals[Descriptor.Inputs[i].Name] = constant.Value;
            }
        }

        return literals;
    }

    public override string ToString() => Node.Name is null ? $"{Type} '{Id}'" : $"{Type} '{Node.Name}' ({Id})";
}

/// <summary>Counter-mode join rule (Elsa's FlowJoinMode plus the implicit default).</summary>
internal enum JoinMode
{
    WaitAny,
    WaitAll,
    WaitAllActive,
}

/// <summary>Token-mode merge rule (Elsa's <c>customProperties.mergeMode</c>).</summary>
internal enum MergeMode
{
    None,
    Stream,
    Merge,
    Converge,
    Cascade,
    Race,
}
