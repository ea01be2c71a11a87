namespace SfaFlow.Sales.Lists;

/// <summary>How a filter parameter compares: <c>field</c>, <c>fieldMin</c>/<c>fieldMax</c>, <c>fieldFrom</c>/<c>fieldTo</c>.</summary>
internal enum FilterOperator
{
    Equal,
    Min,
    Max,
    From,
    To,
}
