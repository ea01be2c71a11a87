namespace SfaFlow.Sales.Activities;

/// <summary>A plan (Planned) and a record (Done) are the same activity at two moments.</summary>
public enum ActivityStatus
{
    Planned,
    Done,
    Cancelled,
}
