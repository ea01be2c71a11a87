namespace SfaFlow.Sales.Import;

/// <summary>How far an import has got: rows read so far, how many of them were valid and invalid.</summary>
public readonly record struct ImportProgress(int RowsRead, int RowsValid, int RowsInvalid);
