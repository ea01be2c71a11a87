using System.Text.Json;

namespace SfaFlow.Web.Api.Workflows.Instances;

/// <summary>What a resume carries to the waiting activity (an event's data, a task's result).</summary>
public sealed record ResumeRequest(JsonElement? Payload = null);
