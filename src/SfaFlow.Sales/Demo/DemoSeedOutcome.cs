namespace SfaFlow.Sales.Demo;

/// <summary>What <see cref="DemoOrganizationSeeder.SeedIfEmptyAsync"/> did.</summary>
public enum DemoSeedOutcome
{
    /// <summary>The database was empty and now holds the demo organization.</summary>
    Seeded,

    /// <summary>The database has sales users already (seeded before, or a real organization): nothing was written.</summary>
    AlreadySeeded,

    /// <summary>The database has sales records but no users: the demo would mix with them, so nothing was written.</summary>
    NotEmpty,
}
