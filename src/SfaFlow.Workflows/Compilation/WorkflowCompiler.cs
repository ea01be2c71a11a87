using System.Globalization;
using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Activities.Composition;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Compilation;

/// <summary>
/// Turns a definition into a <see cref="WorkflowPlan"/>, checking everything that can be checked before a run: activity
/// types, expressions, scripts, variable references. Problems come back as located diagnostics.
/// </summary>
internal sealed partial class WorkflowCompiler(ActivityRegistry registry)
{
    private const string FlowchartType = "Elsa.Flowchart";

    public (WorkflowPlan? Plan, IReadOnlyList<DefinitionDiagnostic> Diagnostics) Compile(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var diagnostics = new List<DefinitionDiagnostic>();
        if (definition.Root.Type != FlowchartType)
        {
            diagnostics.Add(new DefinitionDiagnostic("$.root.type",
                $"SfaFlow runs workflows whose root is an {FlowchartType}; this root is '{definition.Root.Type}'."));
            return (null, diagnostics);
        }

        var session = new Session(registry, definition, diagnostics);
        var workflowVariables = definition.Variables.SelectMany(v => new[] { v.Id, v.Name }).ToHashSet(StringComparer.Ordinal);
        var root = session.CompileNode(definition.Root, null, definition.Root.Id, 0, "$.root", workflowVariables);
        return diagnostics.Any(d => d.IsError) ? (null, diagnostics) : (new WorkflowPlan(definition, root, diagnostics), diagnostics);
    }

    private sealed partial class Session(ActivityRegistry registry, WorkflowDefinition definition, List<DefinitionDiagnostic> diagnostics)
    {
        private readonly ExpressionCompiler _expressions = new(diagnostics);
        private readonly bool _accessorsUseNames = MajorVersion(definition.ToolVersion) >= 3;
        private readonly HashSet<string> _composing = new(StringComparer.Ordinal) { definition.DefinitionId };

        public PlanNode CompileNode(ActivityNode activity, PlanNode? parent, string nodeId, int ordinal, string path, HashSet<string> variables)
        {
            var descriptor = registry.Find(activity.Type);
            var node = new PlanNode
            {
                Node = activity,
                NodeId = nodeId,
                Parent = parent,
                Descriptor = descriptor,
                Ordinal = ordinal,
                AccessorName = _accessorsUseNames
                    ? activity.Name is null ? null : ScriptGlobals.Pascalize(activity.Name)
                    : ScriptGlobals.Pascalize(activity.Id),
                MergeMode = ReadMergeMode(activity, path),
            };

            if (descriptor is null)
            {
                diagnostics.Add(new DefinitionDiagnostic($"{path}.type",
                    $"Activity '{activity.Id}' has type '{activity.Type}', which no built-in activity, workflow or loaded plugin provides; it is kept as written, and a run that reaches it faults.",
                    DiagnosticSeverity.Warning));
                return node;
            }

            CompileInputs(node, descriptor, path, variables);
            if (descriptor.Activity is ICompilingActivity compiling)
            {
                compiling.Compile(new NodeCompilation(node, path, _expressions, variables, diagnostics));
            }

            if (activity.Flowchart is { } flowchart)
            {
                node.Flowchart = CompileFlowchart(node, flowchart, path, variables);
            }

            if (activity.Body is { } body)
            {
                node.Body = CompileNode(body, node, $"{nodeId}:{body.Id}", 0, $"{path}.body", variables);
            }

            if (descriptor.Activity is WorkflowDefinitionActivity composite)
            {
                node.Body = CompileWorkflowActivity(node, composite, path);
            }

            return node;
        }

        private void CompileInputs(PlanNode node, ActivityDescriptor descriptor, string path, HashSet<string> variables)
        {
            node.Inputs = new CompiledInput?[descriptor.Inputs.Count];
            foreach (var input in descriptor.Inputs)
            {
                var inputPath = $"{path}.{input.Name}";
                CompiledInput? compiled = null;
                if (node.Node.Properties.TryGetValue(input.Name, out var json))
                {
                    compiled = input.IsWrapped
                        ? _expressions.CompileWrapped(json, input.ValueType, inputPath, variables)
                        : _expressions.CompileLiteral(json, input.ValueType, inputPath);
                }

                if (compiled is null && input.DefaultValue is not null)
                {
                    compiled = new ConstantInput(input.ValueType, ValueConverter.Convert(input.DefaultValue, input.ValueType));
                }

                if (compiled is null && input.IsRequired && !diagnostics.Any(d => d.Path.StartsWith(inputPath, StringComparison.Ordinal)))
                {
                    diagnostics.Add(new DefinitionDiagnostic(inputPath, $"{descriptor.DisplayName} needs a value for '{input.DisplayName}'."));
                }

                node.Inputs[input.Port.Index] = compiled;
            }

            node.OutputBindings = new string?[descriptor.Outputs.Count];
            foreach (var output in descriptor.Outputs)
            {
                if (node.Node.Properties.TryGetValue(output.Name, out var json) &&
                    ExpressionCompiler.TryGet(json, "memoryReference", out var reference))
                {
                    var id = ExpressionCompiler.ReadReference(reference, "id");
                    if (id is not null && !variables.Contains(id))
                    {
                        diagnostics.Add(new DefinitionDiagnostic($"{path}.{output.Name}.memoryReference",
                            $"Output '{output.Name}' is bound to variable '{id}', which is not declared in scope."));
                    }

                    node.OutputBindings[output.Port.Index] = id;
                }
            }
        }

        /// <summary>A workflow used as an activity: its root runs as this node's body, seeing only its own variables and inputs.</summary>
        private PlanNode? CompileWorkflowActivity(PlanNode node, WorkflowDefinitionActivity composite, string path)
        {
            if (!_composing.Add(composite.Definition.DefinitionId))
            {
                diagnostics.Add(new DefinitionDiagnostic($"{path}.type", $"Workflow '{composite.TypeKey}' uses itself as an activity, directly or through others."));
                return null;
            }

            var variables = composite.ScopeVariables.SelectMany(v => new[] { v.Id, v.Name }).ToHashSet(StringComparer.Ordinal);
            var root = composite.Definition.Root;
            var body = CompileNode(root, node, $"{node.NodeId}:{root.Id}", 0, $"{path}<{composite.TypeKey}>.root", variables);
            _composing.Remove(composite.Definition.DefinitionId);
            return body;
        }

        private MergeMode ReadMergeMode(ActivityNode activity, string path)
        {
            var text = activity.MergeMode;
            if (string.IsNullOrWhiteSpace(text))
            {
                return MergeMode.None;
            }

            if (Enum.TryParse<MergeMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode))
            {
                return mode;
            }

            diagnostics.Add(new DefinitionDiagnostic($"{path}.customProperties.mergeMode",
                $"Unknown merge mode '{text}'; expected one of {string.Join(", ", Enum.GetNames<MergeMode>())}. Treated as None.",
                DiagnosticSeverity.Warning));
            return MergeMode.None;
        }

        private static int MajorVersion(string? toolVersion) =>
            toolVersion is not null && int.TryParse(toolVersion.Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var major)
                ? major
                : 0;
    }
}
