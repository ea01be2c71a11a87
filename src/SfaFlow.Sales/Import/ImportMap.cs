using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Import;

/// <summary>
/// How one resource imports: the columns it sets (by field name), those it needs, the export's other columns it reads past,
/// and the service call a row goes through, so every rule of that service (validation, scope, gates) applies to it.
/// </summary>
internal abstract class ImportMap(IReadOnlyList<string> columns, IReadOnlyList<string> required, IEnumerable<string> exported)
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<string> Required { get; } = required;

    /// <summary>Columns of the resource's export that the import does not set.</summary>
    public IReadOnlySet<string> Ignored { get; } = exported.Except(columns, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Refuses an import the caller may not make at all, before any row is read.</summary>
    /// <exception cref="Records.PermissionDeniedException">The caller may not create such records.</exception>
    public virtual void Authorize(SalesPrincipal by)
    {
    }

    /// <summary>Creates the row's record in the open unit of work.</summary>
    /// <exception cref="Records.RuleViolationException">A cell is unreadable or the record breaks a rule.</exception>
    public abstract Task CreateAsync(ISalesDatabase db, CsvRow row, SalesPrincipal by, CancellationToken cancellationToken);
}
