using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Security;

namespace SfaFlow.Data.Sales;

/// <summary>
/// How sales values are stored, for analytics on SQLite (DESIGN.md, "Data shaped for analytics"): moments as integer
/// epoch seconds (EF's default text dates neither compare nor subtract in SQL), money and quantities as fixed-point
/// integers with four decimals (SQLite has no decimal; SUM over integers is exact), enums by name (readable, and safe to
/// reorder).
/// </summary>
internal static class SalesConventions
{
    public const long FixedPointScale = 10_000;

    public static void Apply(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<EpochSecondsConverter>();
        builder.Properties<decimal>().HaveConversion<FixedPointConverter>();
        builder.Properties<LeadStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<AccountLifecycle>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<OpportunityStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ForecastCategory>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<OrderStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ActivityKind>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ActivityStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<TaskPriority>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<SalesRole>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<RecordScope>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<DecisionKind>().HaveConversion<string>().HaveMaxLength(20);
    }

    private sealed class EpochSecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeSeconds(), value => DateTimeOffset.FromUnixTimeSeconds(value));

    private sealed class FixedPointConverter() : ValueConverter<decimal, long>(
        value => (long)Math.Round(value * FixedPointScale, MidpointRounding.AwayFromZero), value => (decimal)value / FixedPointScale);

    /// <summary>Compares custom fields by content, so that changing one entry marks the record changed (and audited).</summary>
    internal static readonly ValueComparer<Dictionary<string, string?>> DictionaryComparer = new(
        (a, b) => a == null ? b == null : b != null && a.Count == b.Count && a.All(p => b.ContainsKey(p.Key) && b[p.Key] == p.Value),
        d => d.Aggregate(0, (hash, p) => hash ^ HashCode.Combine(p.Key, p.Value)),
        d => new Dictionary<string, string?>(d));

    /// <summary>A dictionary of strings as one JSON text column (custom fields).</summary>
    internal sealed class JsonDictionaryConverter() : ValueConverter<Dictionary<string, string?>, string>(
        value => JsonSerializer.Serialize(value, (JsonSerializerOptions?)null),
        value => JsonSerializer.Deserialize<Dictionary<string, string?>>(value, (JsonSerializerOptions?)null) ?? new Dictionary<string, string?>());
}
