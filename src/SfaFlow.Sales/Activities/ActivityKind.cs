namespace SfaFlow.Sales.Activities;

public enum ActivityKind
{
    Call,
    Meeting,
    Email,
    Task,
    Visit,
}
