namespace SfaFlow.Plugins.Sales;

/// <summary>
/// Reads and changes sales records on behalf of whoever the plugin is acting for, with the same rules as the API: record
/// scope, validation, stage gates and the audit log.
/// </summary>
/// <remarks>
/// Who the caller is depends on where the plugin runs: in an activity or a script function, the workflow (every record,
/// audited as the workflow instance); in an operation, the signed-in user (only the records in that user's scope); in an
/// event listener, the plugin itself (every record, audited as the plugin).
/// </remarks>
public interface ISalesRecords
{
    /// <summary>One record, or null when it does not exist or is outside the caller's scope.</summary>
    /// <param name="record">The record, for example <c>opportunity:7</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record's fields, or null.</returns>
    Task<SalesRecordData?> FindAsync(RecordRef record, CancellationToken cancellationToken = default);

    /// <summary>
    /// The records of a type within the caller's scope that match the filters, in id order, read page by page as they are
    /// enumerated.
    /// </summary>
    /// <param name="recordType">The record type: <c>lead</c>, <c>account</c>, <c>contact</c>, <c>opportunity</c>, <c>order</c> or <c>product</c>.</param>
    /// <param name="filters">
    /// The same filters as the type's list endpoint, for example <c>{"status": "Won"}</c> or <c>{"amount.gte": "10000"}</c>
    /// (see docs/api.md); null or empty for every record.
    /// </param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentException">An unknown record type or filter, naming it.</exception>
    IAsyncEnumerable<SalesRecordData> QueryAsync(string recordType, IReadOnlyDictionary<string, string>? filters = null, CancellationToken cancellationToken = default);

    /// <summary>Changes fields of a record, as an edit through the API would (validated, gated, audited).</summary>
    /// <param name="record">The record to change.</param>
    /// <param name="changes">The fields to set by camelCase name, for example <c>{"probability": 40}</c>.</param>
    /// <param name="cancellationToken">Cancels the change (nothing is saved).</param>
    /// <returns>The record as saved.</returns>
    /// <exception cref="KeyNotFoundException">The record does not exist or is outside the caller's scope.</exception>
    /// <exception cref="ArgumentException">A change is invalid or refused by a rule; the message says which field and why.</exception>
    Task<SalesRecordData> UpdateAsync(RecordRef record, IReadOnlyDictionary<string, object?> changes, CancellationToken cancellationToken = default);
}
