using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SfaFlow.Sales.Workflows;

/// <summary>
/// A sales record named the way correlation ids and domain events name it: <c>lead:42</c>, <c>opportunity:7</c>,
/// <c>account:3</c>, <c>contact:9</c>, <c>activity:12</c>. A workflow started by a record's event carries it as its
/// correlation id, so the SFA activities act on "this workflow's record" unless told otherwise.
/// </summary>
public readonly record struct RecordReference(string Type, long Id)
{
    public const string Lead = "lead";
    public const string Opportunity = "opportunity";
    public const string Account = "account";
    public const string Contact = "contact";
    public const string Activity = "activity";

    public static bool TryParse([NotNullWhen(true)] string? text, out RecordReference reference)
    {
        reference = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        reference = new RecordReference(text![..colon].ToLowerInvariant(), id);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Type}:{Id}");
}
