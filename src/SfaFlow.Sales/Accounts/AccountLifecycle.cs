namespace SfaFlow.Sales.Accounts;

public enum AccountLifecycle
{
    Target,
    Prospect,
    Customer,
    Former,
}
