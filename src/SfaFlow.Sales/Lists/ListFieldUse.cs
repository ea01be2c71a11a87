namespace SfaFlow.Sales.Lists;

/// <summary>What a list lets callers do with one of its fields: the whitelist, field by field.</summary>
[Flags]
public enum ListFieldUse
{
    None = 0,
    Filter = 1,
    Sort = 2,

    /// <summary>Text searched by <c>q</c>.</summary>
    Search = 4,

    /// <summary>A column of the CSV export.</summary>
    Export = 8,

    /// <summary>Summed by the list's totals (money in one currency only: sums never mix currencies).</summary>
    Sum = 16,

    /// <summary>What most fields allow: filter, sort, export.</summary>
    Default = Filter | Sort | Export,
}
