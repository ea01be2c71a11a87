using System.Text.Json;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Web.Api.Workflows.Definitions;

/// <summary>
/// Starts an instance: workflow input by name, a correlation id (events with it resume only this instance), and
/// optionally a version to run instead of the published one (a draft, say) and the flowchart mode.
/// </summary>
public sealed record ExecuteRequest(
    Dictionary<string, JsonElement>? Input = null,
    string? CorrelationId = null,
    string? VersionId = null,
    FlowchartMode? FlowchartMode = null);
