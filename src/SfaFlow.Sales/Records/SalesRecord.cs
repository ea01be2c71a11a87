namespace SfaFlow.Sales.Records;

/// <summary>
/// What every sales record has: an id, a version that each saved change increments (optimistic concurrency; the API's
/// ETag), and when it was created and last changed. Changes to it are audited field by field.
/// </summary>
public abstract class SalesRecord
{
    public long Id { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
