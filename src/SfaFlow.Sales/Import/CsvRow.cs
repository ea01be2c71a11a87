using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Import;

/// <summary>
/// One row of an import file, read by column name. A cell that is not a value of its column's kind is noted (column and
/// value) and read as empty; <see cref="ThrowIfInvalid"/> then refuses the row before any rule runs on half-read values.
/// </summary>
internal sealed class CsvRow(IReadOnlyDictionary<string, int> columns, string[] cells)
{
    private readonly List<RuleViolation> _violations = [];

    /// <summary>The cell's text, trimmed; null when the column is absent or the cell empty.</summary>
    public string? Text(string column) =>
        columns.TryGetValue(column, out var index) && index < cells.Length && !string.IsNullOrWhiteSpace(cells[index])
            ? CsvFormat.UnescapeText(cells[index].Trim())
            : null;

    /// <summary>The cell as a value (a number, date, enum name, true/false); null when empty or not a value of the kind.</summary>
    public TValue? Value<TValue>(string column) where TValue : struct
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (ListValues.TryParse(typeof(TValue), text, out var value) && value is TValue typed)
        {
            return typed;
        }

        _violations.Add(new RuleViolation(column, $"'{text}' in column {column} is not {ListValues.Expectation(typeof(TValue))}."));
        return null;
    }

    /// <exception cref="RuleViolationException">A cell could not be read.</exception>
    public void ThrowIfInvalid() => _violations.ThrowIfAny("The row has values that are not of their column's kind.");
}
