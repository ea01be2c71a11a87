namespace SfaFlow.Workflows.Runtime;

/// <summary>One page of a list, as every list endpoint returns it: <c>{items, total, page, pageSize}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
