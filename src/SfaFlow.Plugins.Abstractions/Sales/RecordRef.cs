using System.Globalization;

namespace SfaFlow.Plugins.Sales;

/// <summary>A sales record named by type and id, written <c>lead:42</c> (the form workflows use as correlation id).</summary>
/// <param name="Type">The record type: <c>lead</c>, <c>account</c>, <c>contact</c>, <c>opportunity</c>, <c>order</c> or <c>product</c>.</param>
/// <param name="Id">The record's id.</param>
public sealed record RecordRef(string Type, long Id)
{
    /// <summary>Reads <c>lead:42</c>.</summary>
    /// <param name="text">A type and an id separated by a colon.</param>
    /// <param name="record">The record, when the text is well formed.</param>
    /// <returns>Whether the text named a record.</returns>
    public static bool TryParse(string? text, out RecordRef? record)
    {
        record = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        record = new RecordRef(text![..colon], id);
        return true;
    }

    /// <summary>The record as <c>type:id</c>.</summary>
    /// <returns>For example <c>lead:42</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Type}:{Id}");
}
