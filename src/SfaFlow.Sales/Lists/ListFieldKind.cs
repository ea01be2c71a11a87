namespace SfaFlow.Sales.Lists;

/// <summary>What a list field holds, which decides the filters it takes and how its values are written and read.</summary>
public enum ListFieldKind
{
    /// <summary>A record's id or a reference to one: <c>ownerId=3</c>, or several, <c>ownerId=3,4</c>.</summary>
    Id,

    /// <summary>Text: <c>country=DE</c> (whole value, any case); searched by <c>q</c> when the field is searchable.</summary>
    Text,

    /// <summary>One of named values: <c>status=Open</c>, or several, <c>status=Open,Won</c>.</summary>
    Enum,

    /// <summary>A number: <c>amount=100</c>, ranges <c>amountMin=</c> and <c>amountMax=</c> (inclusive).</summary>
    Number,

    /// <summary>A calendar date (yyyy-MM-dd): <c>expectedCloseDate=</c>, ranges <c>...From=</c> and <c>...To=</c> (inclusive).</summary>
    Date,

    /// <summary>A moment (stored to the second): like a date; a date alone means that whole day (UTC).</summary>
    Moment,

    /// <summary>true or false.</summary>
    Bool,
}
