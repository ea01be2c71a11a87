using System.ComponentModel.DataAnnotations;

namespace SfaFlow.Sales;

/// <summary>Sales settings, bound from <c>SfaFlow:Sales</c>.</summary>
public sealed class SalesOptions
{
    public const string SectionName = "SfaFlow:Sales";

    /// <summary>The currency analytics sum in (ISO 4217).</summary>
    [Required]
    [StringLength(3, MinimumLength = 3)]
    public string ReportingCurrency { get; set; } = "EUR";

    /// <summary>
    /// Units of the reporting currency per unit of each other currency, as of the rate date below (METRICS.md 2.1: amounts
    /// are converted at a declared rate date, never summed across currencies).
    /// </summary>
    public Dictionary<string, decimal> ExchangeRates { get; } = new(StringComparer.OrdinalIgnoreCase) { ["USD"] = 0.92m, ["GBP"] = 1.17m, ["CHF"] = 1.05m };

    public DateOnly ExchangeRateDate { get; set; } = new(2026, 1, 1);

    /// <summary>The rate of a currency to the reporting currency; null when none is declared.</summary>
    public decimal? RateOf(string currency) =>
        string.Equals(currency, ReportingCurrency, StringComparison.OrdinalIgnoreCase) ? 1m
        : ExchangeRates.TryGetValue(currency, out var rate) ? rate : null;
}
