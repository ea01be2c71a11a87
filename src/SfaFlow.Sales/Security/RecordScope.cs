namespace SfaFlow.Sales.Security;

/// <summary>Which owned records a user sees and changes.</summary>
public enum RecordScope
{
    /// <summary>The records they own.</summary>
    Own,

    /// <summary>The records owned by anyone in their team.</summary>
    Team,

    /// <summary>The records in their regions and every region below them.</summary>
    Region,

    /// <summary>Every record.</summary>
    All,
}
