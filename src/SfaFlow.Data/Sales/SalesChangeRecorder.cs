using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SfaFlow.Plugins.Events;
using SfaFlow.Sales.Auditing;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Sales;

/// <summary>
/// Before a save: stamps created/updated times (of new records that have none), moves each changed record's version on (the old version is what the
/// UPDATE checks) and notes what changed, field by field. After it: the audit entries, with the ids of new records.
/// Pipeline stages carry no version, but their changes are audited too: a gate condition rules every deal that enters it.
/// </summary>
internal sealed class SalesChangeRecorder(ChangeTracker tracker, ChangeActor actor, DateTimeOffset now)
{
    // Bookkeeping fields whose changes every save makes; auditing them would only add noise.
    private static readonly HashSet<string> Unaudited = [nameof(SalesRecord.Version), nameof(SalesRecord.UpdatedAt), nameof(SalesRecord.CreatedAt)];

    private readonly List<(object Record, string Change, string? Field, string? Old, string? New)> _changes = [];

    public void Stamp()
    {
        foreach (var entry in tracker.Entries<SalesRecord>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    // A record that brings its own times (history being loaded, as the demo's) keeps them.
                    entry.Entity.CreatedAt = entry.Entity.CreatedAt == default ? now : entry.Entity.CreatedAt;
                    entry.Entity.UpdatedAt = entry.Entity.UpdatedAt == default ? entry.Entity.CreatedAt : entry.Entity.UpdatedAt;
                    entry.Entity.Version = 1;
                    _changes.Add((entry.Entity, "Created", null, null, null));
                    break;
                case EntityState.Modified:
                    NoteModified(entry);
                    entry.Entity.UpdatedAt = now;
                    entry.Property(r => r.Version).CurrentValue = entry.Property(r => r.Version).OriginalValue + 1;
                    break;
                case EntityState.Deleted:
                    _changes.Add((entry.Entity, "Deleted", null, null, null));
                    break;
            }
        }

        foreach (var entry in tracker.Entries<Stage>())
        {
            switch (entry.State)
            {
                case EntityState.Added or EntityState.Deleted:
                    _changes.Add((entry.Entity, entry.State == EntityState.Added ? "Created" : "Deleted", null, null, null));
                    break;
                case EntityState.Modified:
                    NoteModified(entry);
                    break;
            }
        }
    }

    public List<AuditEntry> Audit() =>
    [
        .. _changes.Select(c => new AuditEntry
        {
            RecordType = c.Record.GetType().Name,
            RecordId = IdOf(c.Record),
            Change = c.Change,
            Field = c.Field,
            OldValue = c.Old,
            NewValue = c.New,
            At = now,
            ByUserId = actor.UserId,
            ByWorkflowInstanceId = actor.WorkflowInstanceId,
            Reason = actor.Reason,
        }),
    ];

    /// <summary>
    /// One <c>RecordUpdated</c> event per changed record (DESIGN: workflows react to field changes), with each field's old
    /// and new value; correlated to the record (<c>lead:42</c>).
    /// </summary>
    public IEnumerable<DomainEvent> RecordUpdatedEvents() =>
        _changes.Where(c => c.Change == "Updated" && c.Record is SalesRecord).GroupBy(c => (SalesRecord)c.Record).Select(record => DomainEvent.Create(
            SalesEventNames.RecordUpdated,
            $"{record.Key.GetType().Name.ToLowerInvariant()}:{record.Key.Id}",
            new Dictionary<string, object?>
            {
                ["recordType"] = record.Key.GetType().Name,
                ["id"] = record.Key.Id,
                ["changes"] = record.ToDictionary(c => c.Field!, c => (object?)new Dictionary<string, object?> { ["old"] = c.Old, ["new"] = c.New }),
            },
            now));

    private static long IdOf(object record) => record switch
    {
        SalesRecord salesRecord => salesRecord.Id,
        Stage stage => stage.Id,
        _ => throw new InvalidOperationException($"{record.GetType().Name} is not audited."),
    };

    private void NoteModified(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.IsModified && !Unaudited.Contains(property.Metadata.Name) && !Equals(property.OriginalValue, property.CurrentValue))
            {
                _changes.Add((entry.Entity, "Updated", property.Metadata.Name, Text(property.OriginalValue), Text(property.CurrentValue)));
            }
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset moment => moment.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        Dictionary<string, string?> fields => System.Text.Json.JsonSerializer.Serialize(fields),
        _ => value.ToString(),
    };
}
