using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Records;

/// <summary>
/// Checks the services share. Each adds a violation for its field instead of throwing, so a caller hears every problem
/// of a change at once (the API's problem details, an import's row report).
/// </summary>
internal static class FieldRules
{
    public static void Require(this List<RuleViolation> violations, bool ok, string field, string message)
    {
        if (!ok)
        {
            violations.Add(new RuleViolation(field, message));
        }
    }

    public static void RequireText(this List<RuleViolation> violations, string? value, string field, string message) =>
        violations.Require(!string.IsNullOrWhiteSpace(value), field, message);

    public static void Email(this List<RuleViolation> violations, string? value, string field = "email") =>
        violations.Require(string.IsNullOrWhiteSpace(value) || MailAddress.TryCreate(value.Trim(), out _), field, $"'{value}' is not an e-mail address.");

    /// <summary>A reference to a record that must exist (null is fine: the reference is optional).</summary>
    public static async Task ExistsAsync<T>(this List<RuleViolation> violations, IQueryable<T> records, long? id, string field, string what, CancellationToken cancellationToken)
        where T : SalesRecord
    {
        if (id is { } wanted && !await records.AnyAsync(r => r.Id == wanted, cancellationToken))
        {
            violations.Add(new RuleViolation(field, $"There is no {what} {wanted}."));
        }
    }

    /// <summary>An owner must be an active user, and the one giving the record away must still see it afterwards.</summary>
    public static async Task OwnerAsync(this List<RuleViolation> violations, ISalesDatabase db, long ownerId, long? regionId, SalesPrincipal by, string what, CancellationToken cancellationToken)
    {
        if (ownerId == 0 || !await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive, cancellationToken))
        {
            violations.Add(new RuleViolation("ownerId", $"There is no active user {ownerId}."));
        }
        else if (!by.Covers(ownerId, regionId))
        {
            violations.Add(new RuleViolation("ownerId", $"You cannot give {what} to someone outside your scope."));
        }
    }

    /// <exception cref="RuleViolationException">There is at least one violation.</exception>
    public static void ThrowIfAny(this List<RuleViolation> violations, string message)
    {
        if (violations.Count > 0)
        {
            throw new RuleViolationException(message, violations);
        }
    }

    /// <summary>Trims text; blank becomes null (an empty CSV cell and a missing JSON field mean the same).</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
