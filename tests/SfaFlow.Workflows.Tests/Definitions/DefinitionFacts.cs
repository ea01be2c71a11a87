using System.Text.Json;
using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Tests.Definitions;

/// <summary>
/// A definition flattened into one line per structural fact (ids, types, names, ports, variables, inputs, every activity
/// property with its JSON), so that two models can be compared with a readable diff. The model's records hold
/// <see cref="JsonElement"/>s, which have no value equality, hence this.
/// </summary>
public static class DefinitionFacts
{
    public static List<string> Of(WorkflowDefinition definition)
    {
        var facts = new List<string>
        {
            $"definition id={definition.Id} definitionId={definition.DefinitionId} name={definition.Name} version={definition.Version}",
            $"definition description={definition.Description} toolVersion={definition.ToolVersion} createdAt={definition.CreatedAt:O}",
            $"definition flags readonly={definition.IsReadonly} system={definition.IsSystem} latest={definition.IsLatest} published={definition.IsPublished}",
            $"outcomes [{string.Join(", ", definition.Outcomes)}]",
        };
        AddVariables(facts, "$", definition.Variables);
        facts.AddRange(definition.Inputs.Select(i => $"input {i.Name}:{i.Type} {Json(i.Raw)}"));
        facts.AddRange(definition.Outputs.Select(o => $"output {o.Name}:{o.Type} {Json(o.Raw)}"));
        facts.Add($"customProperties {Json(definition.CustomProperties)}");
        facts.Add($"options {Json(definition.Options)}");
        // The writer adds the $schema URL Elsa 3.6 writes; older files have none, and that is the only key it adds.
        facts.Add($"extra {Json(new JsonDictionary(definition.Extra.Where(p => p.Key != "$schema")))}");
        AddActivity(facts, "root", definition.Root);
        return facts;
    }

    private static void AddActivity(List<string> facts, string at, ActivityNode activity)
    {
        facts.Add($"{at} id={activity.Id} type={activity.Type} version={activity.Version} name={activity.Name}");
        facts.Add($"{at} customProperties {Json(activity.CustomProperties)}");
        facts.Add($"{at} metadata {Json(activity.Metadata)}");
        facts.AddRange(activity.Properties.Select(p => $"{at} property {p.Key}={Text(p.Value)}"));
        if (activity.Body is { } body)
        {
            AddActivity(facts, $"{at}.body", body);
        }

        if (activity.Flowchart is { } flowchart)
        {
            AddVariables(facts, at, flowchart.Variables);
            for (var i = 0; i < flowchart.Activities.Count; i++)
            {
                AddActivity(facts, $"{at}.activities[{i}]", flowchart.Activities[i]);
            }

            facts.AddRange(flowchart.Connections.Select(c =>
                $"{at} connection {c.Source.Activity}:{c.Source.Port ?? "(none)"} -> {c.Target.Activity}:{c.Target.Port ?? "(none)"} vertices={(c.Vertices is { } vertices ? Text(vertices) : null)}"));
        }
    }

    private static void AddVariables(List<string> facts, string at, IEnumerable<VariableDefinition> variables) =>
        facts.AddRange(variables.Select(v =>
            $"{at} variable {v.Id} {v.Name}:{v.TypeName} array={v.IsArray} value={(v.Value is { } value ? Text(value) : null)} storage={v.StorageDriverTypeName} extra={Json(v.Extra)}"));

    /// <summary>JSON text with escapes normalized: <c>"\u002B"</c> and <c>"+"</c> are the same string.</summary>
    public static string Text(JsonElement element) => JsonSerializer.Serialize(element, CanonicalJson);

    private static readonly JsonSerializerOptions CanonicalJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 1024,
    };

    private static string Json(JsonDictionary properties) =>
        "{" + string.Join(", ", properties.Select(p => $"{p.Key}={Text(p.Value)}")) + "}";
}
