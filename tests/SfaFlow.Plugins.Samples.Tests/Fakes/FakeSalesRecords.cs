using System.Runtime.CompilerServices;
using SfaFlow.Plugins.Sales;

namespace SfaFlow.Plugins.Samples.Tests.Fakes;

/// <summary>Records in memory; filters match a field's text exactly (any case), as the list's enum and text filters do.</summary>
public sealed class FakeSalesRecords : ISalesRecords
{
    private readonly Dictionary<RecordRef, Dictionary<string, object?>> _records = [];

    public List<(RecordRef Record, IReadOnlyDictionary<string, object?> Changes)> Updates { get; } = [];

    public int Queries { get; private set; }

    public RecordRef Add(string type, long id, Dictionary<string, object?> fields)
    {
        var record = new RecordRef(type, id);
        fields["id"] = id;
        _records[record] = fields;
        return record;
    }

    public Task<SalesRecordData?> FindAsync(RecordRef record, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.TryGetValue(record, out var fields) ? new SalesRecordData(record, new Dictionary<string, object?>(fields)) : null);

    public async IAsyncEnumerable<SalesRecordData> QueryAsync(string recordType, IReadOnlyDictionary<string, string>? filters = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Queries++;
        await Task.Yield();
        foreach (var (record, fields) in _records.Where(r => r.Key.Type == recordType).OrderBy(r => r.Key.Id))
        {
            if (filters is null || filters.All(f => string.Equals(fields.GetValueOrDefault(f.Key)?.ToString(), f.Value, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new SalesRecordData(record, new Dictionary<string, object?>(fields));
            }
        }
    }

    public Task<SalesRecordData> UpdateAsync(RecordRef record, IReadOnlyDictionary<string, object?> changes, CancellationToken cancellationToken = default)
    {
        var fields = _records.TryGetValue(record, out var found) ? found : throw new KeyNotFoundException(record.ToString());
        Updates.Add((record, changes));
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return Task.FromResult(new SalesRecordData(record, new Dictionary<string, object?>(fields)));
    }
}
