using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SfaFlow.Sales.Auditing;

namespace SfaFlow.Sales.Demo;

/// <summary>
/// Fills an empty database with the demo organization (<see cref="DemoOrganization"/>): the same rows for the same day,
/// written in one transaction so that a failed seeding leaves nothing behind and a second one finds users and stops.
/// "Today" comes from the injected clock, never the wall clock, so tests seed a fixed day.
/// </summary>
public sealed partial class DemoOrganizationSeeder(ISalesDatabaseFactory databases, TimeProvider clock, ILogger<DemoOrganizationSeeder> logger)
{
    public async Task<DemoSeedOutcome> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        await using var db = await databases.OpenAsync(cancellationToken);
        // Checked inside the write transaction, so two hosts starting on one database cannot both seed.
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            logger.LogDebug("The database has sales users; the demo organization is not seeded.");
            return DemoSeedOutcome.AlreadySeeded;
        }

        if (await HasRecordsAsync(db, cancellationToken))
        {
            logger.LogWarning("The database has sales records but no sales users; the demo organization is not seeded into it.");
            return DemoSeedOutcome.NotEmpty;
        }

        var demo = DemoOrganization.Generate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        db.Actor = new ChangeActor(UserId: null, Reason: "Demo organization");
        await WriteAsync(db, demo, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Seeded the demo organization for {Today}: {Users} users, {Leads} leads, {Accounts} accounts, {Opportunities} opportunities, {Activities} activities in {Elapsed:0.0} s.",
            demo.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), demo.Users.Count, demo.Leads.Count, demo.Accounts.Count, demo.Opportunities.Count, demo.Activities.Count,
            clock.GetElapsedTime(started).TotalSeconds);
        return DemoSeedOutcome.Seeded;
    }

    private static async Task<bool> HasRecordsAsync(ISalesDatabase db, CancellationToken cancellationToken) =>
        await db.Regions.AnyAsync(cancellationToken) || await db.Teams.AnyAsync(cancellationToken)
        || await db.CustomerCategories.AnyAsync(cancellationToken) || await db.Pipelines.AnyAsync(cancellationToken)
        || await db.Products.AnyAsync(cancellationToken) || await db.Accounts.AnyAsync(cancellationToken)
        || await db.Leads.AnyAsync(cancellationToken) || await db.Opportunities.AnyAsync(cancellationToken);
}
