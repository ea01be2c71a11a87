using SfaFlow.Workflows.Instances;

namespace SfaFlow.Web.Api.Workflows.Instances;

/// <summary>A fault an operator must see, with the script line and column when a script caused it.</summary>
public sealed record IncidentView(
    string Id,
    string ActivityId,
    string ActivityType,
    string Message,
    string? ExceptionType,
    ScriptLocation? Script,
    DateTimeOffset Timestamp,
    string? Kind)
{
    public static IncidentView From(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new IncidentView(incident.Id, incident.ActivityId, incident.ActivityType, incident.Message, incident.ExceptionType, incident.Script,
            incident.Timestamp, incident.Kind);
    }
}
