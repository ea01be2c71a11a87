using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Accounts;

/// <summary>Every change to a contact: it belongs to an account in the caller's scope and follows its owner and region unless told otherwise.</summary>
public sealed class ContactService(ISalesDatabaseFactory databases)
{
    public async Task<Contact> CreateAsync(ContactFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        return await CreateAsync(db, fields, by, cancellationToken);
    }

    /// <summary>Creates a contact in an open unit of work (an import runs every row in one). Nothing is tracked when it is refused.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One service API: callers hold the service, not its type.")]
    public async Task<Contact> CreateAsync(ISalesDatabase db, ContactFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(by);
        var contact = new Contact { FirstName = "", LastName = "" };
        await ApplyAsync(db, contact, fields, by, cancellationToken);
        db.Contacts.Add(contact);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }

    public async Task<Contact> UpdateAsync(long id, ContactFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var contact = await db.Contacts.FindInScopeAsync(id, by, cancellationToken);
        contact.CheckVersion(expectedVersion);
        await ApplyAsync(db, contact, fields, by, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }

    /// <summary>Deletes a contact no activity or converted lead refers to (their history would point nowhere).</summary>
    /// <exception cref="RecordInUseException">Something refers to the contact.</exception>
    public async Task DeleteAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var contact = await db.Contacts.FindInScopeAsync(id, by, cancellationToken);
        contact.CheckVersion(expectedVersion);
        RecordInUseException.ThrowIfReferenced($"Contact '{$"{contact.FirstName} {contact.LastName}".Trim()}'", "Move or delete them first.",
            (await db.Activities.CountAsync(a => a.ContactId == id, cancellationToken), "activity", "activities"),
            (await db.Leads.CountAsync(l => l.ConvertedContactId == id, cancellationToken), "converted lead", "converted leads"));
        db.Contacts.Remove(contact);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyAsync(ISalesDatabase db, Contact contact, ContactFields fields, SalesPrincipal by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<RuleViolation>();

        // The account must be one the caller sees; one outside scope is reported as missing, so scope leaks nothing.
        var account = await db.Accounts.VisibleTo(by).AsNoTracking().FirstOrDefaultAsync(a => a.Id == fields.AccountId, cancellationToken);
        var ownerId = fields.OwnerId ?? (contact.Id == 0 ? account?.OwnerId ?? by.UserId : contact.OwnerId);
        var regionId = fields.RegionId ?? account?.RegionId;
        violations.Require(account is not null, "accountId", $"There is no account {fields.AccountId}.");
        violations.RequireText(fields.LastName, "lastName", "A contact needs a last name.");
        violations.Email(fields.Email);
        await violations.ExistsAsync(db.Regions, fields.RegionId, "regionId", "region", cancellationToken);
        await violations.OwnerAsync(db, ownerId, regionId, by, "a contact", cancellationToken);
        violations.ThrowIfAny($"The contact '{fields.LastName}' is not valid.");

        contact.AccountId = fields.AccountId;
        contact.FirstName = fields.FirstName?.Trim() ?? "";
        contact.LastName = fields.LastName.Trim();
        contact.Title = FieldRules.Clean(fields.Title);
        contact.Email = FieldRules.Clean(fields.Email);
        contact.Phone = FieldRules.Clean(fields.Phone);
        contact.OwnerId = ownerId;
        contact.RegionId = regionId;
    }
}
