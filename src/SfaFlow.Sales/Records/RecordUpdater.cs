using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Security;
using SfaFlow.Sales.Workflows;
using SfaFlow.Sales.Workflows.Records;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Records;

/// <summary>
/// "Set these fields of that record" for callers that name fields rather than send a whole record (workflow steps,
/// plugins): the record's current values with the named ones changed, through the record's own service, so validation,
/// stage gates, scope and the audit log apply as in the API. Stages, statuses and owners by rule have their own operations.
/// </summary>
public sealed class RecordUpdater(ISalesDatabaseFactory databases, LeadService leads, AccountService accounts, ContactService contacts,
    OpportunityService opportunities, ScriptHost scripts)
{
    /// <summary>The record types that can be changed this way.</summary>
    public static IReadOnlyList<string> Types { get; } = [RecordReference.Lead, RecordReference.Account, RecordReference.Contact, RecordReference.Opportunity];

    /// <param name="type">lead, account, contact or opportunity.</param>
    /// <param name="id">The record's id.</param>
    /// <param name="changes">Field name to value; a value written as <c>{"javascript": "lead.score + 10"}</c> is computed from the record.</param>
    /// <param name="by">Who changes it; the record must be in their scope.</param>
    /// <param name="cancellationToken">Stops the change (nothing is saved).</param>
    /// <returns>The record as saved.</returns>
    /// <exception cref="RecordNotFoundException">No such record in the caller's scope.</exception>
    /// <exception cref="RuleViolationException">A change breaks a rule (named by field).</exception>
    /// <exception cref="InvalidOperationException">An unknown type or field, or a value that does not fit its field.</exception>
    public async Task<SalesRecord> UpdateAsync(string type, long id, IReadOnlyDictionary<string, object?> changes, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(by);
        await using var db = await databases.OpenAsync(cancellationToken);
        return type switch
        {
            RecordReference.Lead => await leads.UpdateAsync(id,
                RecordFieldChanges.Apply<LeadFields>(await db.Leads.AsNoTracking().FindInScopeAsync(id, by, cancellationToken), changes, type, scripts, cancellationToken), null, by, cancellationToken),
            RecordReference.Account => await accounts.UpdateAsync(id,
                RecordFieldChanges.Apply<AccountFields>(await db.Accounts.AsNoTracking().FindInScopeAsync(id, by, cancellationToken), changes, type, scripts, cancellationToken), null, by, cancellationToken),
            RecordReference.Contact => await contacts.UpdateAsync(id,
                RecordFieldChanges.Apply<ContactFields>(await db.Contacts.AsNoTracking().FindInScopeAsync(id, by, cancellationToken), changes, type, scripts, cancellationToken), null, by, cancellationToken),
            RecordReference.Opportunity => await opportunities.UpdateAsync(id,
                RecordFieldChanges.Apply<OpportunityFields>(await db.Opportunities.AsNoTracking().Include(o => o.Lines).FindInScopeAsync(id, by, cancellationToken), changes, type, scripts, cancellationToken, "lines"),
                null, by, cancellationToken),
            _ => throw new InvalidOperationException($"Fields can be set on a {string.Join(", ", Types)}, not on a '{type}'."),
        };
    }
}
