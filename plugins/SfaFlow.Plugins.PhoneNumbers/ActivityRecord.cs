using System.Globalization;
using SfaFlow.Plugins.Sales;

namespace SfaFlow.Plugins.PhoneNumbers;

/// <summary>Reads the record an activity acts on: its input, else the workflow's correlation id (<c>lead:42</c>).</summary>
internal static class ActivityRecord
{
    public static RecordRef Resolve(string? input, string? correlationId, string activity)
    {
        var text = string.IsNullOrWhiteSpace(input) ? correlationId : input.Trim();
        if (RecordRef.TryParse(text, out var record))
        {
            return record!;
        }

        throw new InvalidOperationException(string.IsNullOrWhiteSpace(text)
            ? $"{activity} needs a record: set its 'record' input (for example lead:42) or start the workflow with such a correlation id."
            : string.Create(CultureInfo.InvariantCulture, $"{activity}: '{text}' does not name a record; write type:id, for example lead:42."));
    }
}
