namespace SfaFlow.Sales.Demo;

/// <summary>Demo seeding, bound from <c>SfaFlow:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "SfaFlow:Demo";

    /// <summary>
    /// Whether the host seeds the demo organization into an empty database at startup: unset (the default) seeds in the
    /// Development environment only, true in any environment (what <c>--seed-demo</c> sets), false never. Outside
    /// Development the demo users' published passwords would be a way in, so seeding there must be asked for.
    /// </summary>
    public bool? Seed { get; set; }
}
