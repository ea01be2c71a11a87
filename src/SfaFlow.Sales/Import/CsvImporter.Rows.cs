using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Import;

public sealed partial class CsvImporter
{
    private const string RowSavepoint = "import_row";

    /// <summary>
    /// Runs every row in one transaction on one unit of work. Each row runs inside a savepoint: a refused row (even one
    /// refused by its second save, or by the database) is rolled back whole and its records are forgotten, so a row is
    /// either written entirely or not at all, and the rows after it are checked against what the valid rows before it wrote.
    /// </summary>
    private async Task<ImportReport> RunRowsAsync(ImportMap map, CsvReader reader, Dictionary<string, int> columns, ImportOptions options, SalesPrincipal by,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var (read, valid, invalid, omitted) = (0, 0, 0, 0);
        await using var db = await databases.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            read++;

            // Numbered as a spreadsheet shows the row: the header is row 1 (a value spanning lines counts as one row).
            var rowNumber = (int)reader.RowNumber + 1;
            var problems = await RunRowAsync(map, db, transaction, rowNumber, reader.Current.ToArray(), columns, by, cancellationToken);
            if (problems.Count == 0)
            {
                valid++;
            }
            else
            {
                invalid++;
                var room = Math.Max(0, ImportReport.MaxErrors - errors.Count);
                errors.AddRange(problems.Take(room));
                omitted += Math.Max(0, problems.Count - room);
            }

            if (read % ProgressInterval == 0)
            {
                progress?.Report(new ImportProgress(read, valid, invalid));
            }
        }

        var write = invalid == 0 || options.ValidRowsOnly;
        if (write)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        progress?.Report(new ImportProgress(read, valid, invalid));
        return new ImportReport { RowsRead = read, RowsImported = write ? valid : 0, RowsInvalid = invalid, Errors = errors, ErrorsOmitted = omitted };
    }

    private static async Task<List<ImportError>> RunRowAsync(ImportMap map, ISalesDatabase db, IDbContextTransaction transaction,
        int rowNumber, string[] cells, Dictionary<string, int> columns, SalesPrincipal by, CancellationToken cancellationToken)
    {
        // Trailing empty cells are what spreadsheets add; anything else out of line with the header is a broken row.
        if (cells.Length < columns.Count || cells.Skip(columns.Count).Any(c => !string.IsNullOrEmpty(c)))
        {
            return [new ImportError(rowNumber, null, $"The row has {cells.Length} cells where the header has {columns.Count} columns (a stray comma or quote?).")];
        }

        await transaction.CreateSavepointAsync(RowSavepoint, cancellationToken);
        try
        {
            await map.CreateAsync(db, new CsvRow(columns, cells), by, cancellationToken);
            await transaction.ReleaseSavepointAsync(RowSavepoint, cancellationToken);
            return [];
        }
        catch (RuleViolationException refused)
        {
            await UndoAsync(transaction, cancellationToken);
            return refused.Violations.Count > 0
                ? [.. refused.Violations.Select(v => new ImportError(rowNumber, v.Field, v.Message))]
                : [new ImportError(rowNumber, null, refused.Message)];
        }
        catch (DbUpdateException failed)
        {
            // A rule the database holds that no service checks first (a race on a unique value): the row is refused, not the file.
            await UndoAsync(transaction, cancellationToken);
            return [new ImportError(rowNumber, null, $"The row could not be saved: {failed.InnerException?.Message ?? failed.Message}")];
        }
        finally
        {
            db.ClearTracking();
        }
    }

    private static async Task UndoAsync(IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await transaction.RollbackToSavepointAsync(RowSavepoint, cancellationToken);

        // ROLLBACK TO keeps the savepoint open; releasing it keeps savepoints from piling up over a file of bad rows.
        await transaction.ReleaseSavepointAsync(RowSavepoint, cancellationToken);
    }
}
