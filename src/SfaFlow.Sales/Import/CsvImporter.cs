using CsvHelper;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Products;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Import;

/// <summary>
/// Imports a CSV file of leads, accounts, contacts, deals or products: columns by header name (any case), every row
/// through the resource's own service (validation, scope and stage gates as at any other door), all rows in one
/// transaction. By default nothing is written unless every row is valid; <see cref="ImportOptions.ValidRowsOnly"/>
/// writes the valid ones. Rows are run in <c>CsvImporter.Rows.cs</c>.
/// </summary>
public sealed partial class CsvImporter(
    ISalesDatabaseFactory databases, LeadService leads, AccountService accounts, ContactService contacts, OpportunityService opportunities, ProductService products)
{
    /// <summary>Every how many rows progress is reported (and once at the end).</summary>
    public const int ProgressInterval = 100;

    /// <exception cref="Records.PermissionDeniedException">The caller may not create such records at all (products: admins only); nothing is written.</exception>
    public Task<ImportReport> ImportAsync(ImportResource resource, TextReader csv, ImportOptions options, SalesPrincipal by,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(MapOf(resource), resource.ToString().ToLowerInvariant(), csv, options, by, progress, cancellationToken);

    /// <summary>Imports with the given map (tests run rows that fail midway through this).</summary>
    internal async Task<ImportReport> ImportAsync(ImportMap map, string resource, TextReader csv, ImportOptions options, SalesPrincipal by,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(by);
        map.Authorize(by);
        await using var reader = CsvReader.Create(csv, CsvFormat.Reading, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        if (reader.Headers.Count == 0)
        {
            return new ImportReport { Errors = [new ImportError(1, null, "The file is empty; its first row names the columns.")] };
        }

        var (columns, headerErrors) = Columns(map, resource, [.. reader.Headers]);
        if (headerErrors.Count > 0)
        {
            return new ImportReport { Errors = headerErrors };
        }

        var ignored = columns.Keys.Where(map.Ignored.Contains).ToList();
        var report = await RunRowsAsync(map, reader, columns, options, by, progress, cancellationToken);
        return report with { IgnoredColumns = ignored };
    }

    private ImportMap MapOf(ImportResource resource) => resource switch
    {
        ImportResource.Leads => new LeadImport(leads),
        ImportResource.Accounts => new AccountImport(accounts),
        ImportResource.Contacts => new ContactImport(contacts),
        ImportResource.Opportunities => new OpportunityImport(opportunities),
        ImportResource.Products => new ProductImport(products),
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Not an importable resource."),
    };

    /// <summary>The header's columns by name (any case), or what is wrong with it: unknown, repeated, blank or missing columns.</summary>
    private static (Dictionary<string, int> Columns, List<ImportError> Errors) Columns(ImportMap map, string resource, string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<ImportError>();
        var known = map.Columns.Concat(map.Ignored).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            // A byte order mark read as text (a reader that did not expect one) is not part of the first column's name.
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (name.Length == 0)
            {
                errors.Add(new ImportError(1, null, $"Column {i + 1} has no name in the header row."));
            }
            else if (!known.Contains(name))
            {
                errors.Add(new ImportError(1, name, $"'{name}' is not a column of {resource}; the columns are {string.Join(", ", map.Columns)}."));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new ImportError(1, name, $"Column '{name}' appears twice."));
            }
        }

        errors.AddRange(map.Required.Where(r => !columns.ContainsKey(r)).Select(r => new ImportError(1, r, $"The file needs a column '{r}'.")));
        return (columns, errors);
    }
}
