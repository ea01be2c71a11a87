using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Outbox;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Data.Workflows;
using SfaFlow.Plugins.Events;

namespace SfaFlow.Data.Tests.Outbox;

/// <summary>
/// An event added to the context is written by the same SaveChanges as the record change that raised it: both or neither.
/// A definition row stands in for the sales record (the sales model is not part of this project yet).
/// </summary>
public sealed class OutboxWriteTests
{
    [Fact]
    public async Task AddDomainEvent_SavedWithARecordChange_BothAreCommitted()
    {
        await using var host = await RuntimeHost.CreateAsync();
        var created = DomainEvent.Create("LeadCreated", "lead:42", new Dictionary<string, object?> { ["name"] = "Ada", ["score"] = 70 }, host.Clock.GetUtcNow());

        await using (var db = await host.OpenDbAsync())
        {
            db.Definitions.Add(Record("lead-42"));
            db.AddDomainEvent(created);
            await db.SaveChangesAsync();
        }

        var message = Assert.Single(await SalesEvents.MessagesAsync(host));
        Assert.Equal((created.Id, "LeadCreated", "lead:42"), (message.EventId, message.Name, message.CorrelationId));
        Assert.Equal("""{"name":"Ada","score":70}""", message.Payload);
        Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeMilliseconds(), message.OccurredAt);
        Assert.Null(message.DispatchedAt);
        Assert.Equal(0, message.Attempts);
        Assert.True(await RecordExistsAsync(host, "lead-42"));
    }

    [Fact]
    public async Task AddDomainEvent_WhenTheRecordChangeFails_NeitherIsWritten()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await using (var db = await host.OpenDbAsync())
        {
            db.Definitions.Add(Record("lead-1"));
            await db.SaveChangesAsync();
        }

        await using (var db = await host.OpenDbAsync())
        {
            // A second row with the same key: the record change fails at commit time, after the event was queued with it.
            db.Definitions.Add(Record("lead-2"));
            db.Definitions.Add(Record("lead-1"));
            db.AddDomainEvent(SalesEvents.LeadCreated(host, "Bo", 2));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await SalesEvents.MessagesAsync(host));
        Assert.False(await RecordExistsAsync(host, "lead-2"));
    }

    [Fact]
    public async Task AddDomainEvent_WhenTheEventIsRefused_TheRecordChangeIsNotWrittenEither()
    {
        await using var host = await RuntimeHost.CreateAsync();
        var once = SalesEvents.LeadCreated(host, "Ada", 1);
        await SalesEvents.CommitAsync(host, once);

        await using (var db = await host.OpenDbAsync())
        {
            db.Definitions.Add(Record("lead-3"));
            db.AddDomainEvent(once with { Name = "LeadUpdated" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal("LeadCreated", Assert.Single(await SalesEvents.MessagesAsync(host)).Name);
        Assert.False(await RecordExistsAsync(host, "lead-3"));
    }

    [Fact]
    public async Task AddDomainEvent_InATransactionThatIsRolledBack_WritesNothing()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await using (var db = await host.OpenDbAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Definitions.Add(Record("lead-4"));
            db.AddDomainEvent(SalesEvents.LeadCreated(host, "Cy", 4));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(await SalesEvents.MessagesAsync(host));
        Assert.False(await RecordExistsAsync(host, "lead-4"));
    }

    [Fact]
    public async Task AddDomainEvent_PayloadThatCannotBeStored_FailsTheCallerAtOnce()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await using var db = await host.OpenDbAsync();
        var unstorable = DomainEvent.Create("LeadCreated", null, new Dictionary<string, object?> { ["handle"] = IntPtr.Zero }, host.Clock.GetUtcNow());

        Assert.Throws<NotSupportedException>(() => db.AddDomainEvent(unstorable));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    /// <summary>A row to change alongside the event.</summary>
    private static DefinitionRow Record(string id) => new() { Id = id, DefinitionId = id, Json = "{}", ContentHash = id };

    private static async Task<bool> RecordExistsAsync(RuntimeHost host, string id)
    {
        await using var db = await host.OpenDbAsync();
        return await db.Definitions.AnyAsync(d => d.Id == id);
    }
}
