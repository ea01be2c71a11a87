using CsvHelper;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// Writes any record list as CSV, filtered and sorted as the list query says and every page of it, within the caller's
/// scope: a header row of the list's export fields, then one row per record, streamed as it is read.
/// </summary>
public sealed class CsvExporter(RecordLists lists)
{
    /// <returns>How many records were written.</returns>
    /// <exception cref="InvalidListQueryException">The query is not valid (checked before anything is written).</exception>
    public async Task<int> ExportAsync<T>(RecordList<T> list, RecordQuery query, SalesPrincipal by, TextWriter output, CancellationToken cancellationToken = default)
        where T : SalesRecord
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(output);
        var records = lists.StreamAsync(list, query, by, cancellationToken);
        var fields = list.ExportFields;
        await using var csv = CsvWriter.Create(output, CsvFormat.Writing, leaveOpen: true);
        foreach (var field in fields)
        {
            csv.WriteField(field.Name);
        }

        await csv.EndRecordAsync(cancellationToken);
        var count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            foreach (var field in fields)
            {
                var text = ListValues.Format(field.ValueOf(record));
                csv.WriteField(field.Kind == ListFieldKind.Text && text is not null ? CsvFormat.EscapeText(text) : text);
            }

            await csv.EndRecordAsync(cancellationToken);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }
}
