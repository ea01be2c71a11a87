namespace SfaFlow.Sales.Records;

/// <summary>A record someone owns. Record scope (own, team, region, all) is decided by its owner and its region.</summary>
public interface IOwnedRecord
{
    long OwnerId { get; }

    long? RegionId { get; }
}
