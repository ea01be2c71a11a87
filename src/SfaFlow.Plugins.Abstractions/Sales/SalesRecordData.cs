namespace SfaFlow.Plugins.Sales;

/// <summary>
/// A sales record as plugins (and workflow scripts) see it: camelCase fields with plain values (strings, numbers, booleans,
/// null, ISO dates as strings, nested dictionaries and lists). An opportunity, for example, has <c>name</c>, <c>stage</c>,
/// <c>status</c>, <c>amount</c>, <c>probability</c>, <c>ownerId</c>, <c>regionId</c>, <c>accountId</c> and <c>lines</c>.
/// </summary>
/// <param name="Record">Which record it is.</param>
/// <param name="Fields">The record's fields by camelCase name.</param>
public sealed record SalesRecordData(RecordRef Record, IReadOnlyDictionary<string, object?> Fields)
{
    /// <summary>A field's value, or null when the record has no such field.</summary>
    /// <param name="name">The camelCase field name.</param>
    public object? this[string name] => Fields.GetValueOrDefault(name);
}
