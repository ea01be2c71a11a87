namespace SfaFlow.Sales.Import;

/// <summary>How an import treats invalid rows.</summary>
public sealed record ImportOptions
{
    public static ImportOptions AllOrNothing { get; } = new();

    /// <summary>
    /// False (the default): nothing is written unless every row is valid. True: the valid rows are written and the invalid
    /// ones reported.
    /// </summary>
    public bool ValidRowsOnly { get; init; }
}
