using System.Text.Json;
using SfaFlow.Sales.Auditing;

namespace SfaFlow.Web.Api.Sales.Audit;

/// <summary>
/// One change as the API shows it: a field's old and new value (or a whole record created or deleted, <see cref="Field"/>
/// null), when, and who: a person (id and display name), a workflow instance, or neither for the system. The log stores
/// fields by their property names (<c>Email</c>); the API names them as its bodies, lists and errors do (<c>email</c>).
/// </summary>
public sealed record AuditEntryView(
    long Id, string RecordType, long RecordId, string Change, string? Field, string? OldValue, string? NewValue, DateTimeOffset At,
    long? ByUserId, string? ByDisplayName, string? ByWorkflowInstanceId, string? Reason)
{
    public static AuditEntryView From(AuditLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.RecordType, entry.RecordId, entry.Change, entry.Field is null ? null : JsonNamingPolicy.CamelCase.ConvertName(entry.Field), entry.OldValue, entry.NewValue, entry.At,
            entry.ByUserId, entry.ByDisplayName, entry.ByWorkflowInstanceId, entry.Reason);
    }
}
