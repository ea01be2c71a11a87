namespace SfaFlow.Sales.Organization;

public enum SalesRole
{
    Admin,
    Manager,
    Rep,
    Developer,
}
