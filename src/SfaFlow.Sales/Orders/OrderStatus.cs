namespace SfaFlow.Sales.Orders;

public enum OrderStatus
{
    Open,
    Fulfilled,
    Cancelled,
}
