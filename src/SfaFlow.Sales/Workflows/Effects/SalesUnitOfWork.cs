namespace SfaFlow.Sales.Workflows.Effects;

/// <summary>
/// The unit of work an activity's effect runs in, on this async flow. While one is current, every sales service that opens
/// a unit of work (<see cref="ISalesDatabaseFactory.OpenAsync"/>) joins it instead: the effect's changes, through whichever
/// services, and its <see cref="WorkflowEffect"/> are committed in one transaction, or not at all.
/// </summary>
public static class SalesUnitOfWork
{
    private static readonly AsyncLocal<ISalesDatabase?> Shared = new();

    /// <summary>The unit of work to join, or null.</summary>
    public static ISalesDatabase? Current => Shared.Value;

    /// <summary>Makes <paramref name="database"/> the one to join until the handle is disposed.</summary>
    public static Scope Enter(ISalesDatabase database)
    {
        var previous = Shared.Value;
        Shared.Value = database;
        return new Scope(previous);
    }

    /// <summary>Puts back what was current before <see cref="Enter"/>.</summary>
    public readonly struct Scope(ISalesDatabase? previous) : IDisposable
    {
        public void Dispose() => Shared.Value = previous;
    }
}
