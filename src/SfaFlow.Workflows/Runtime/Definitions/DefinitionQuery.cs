namespace SfaFlow.Workflows.Runtime.Definitions;

/// <summary>A page of definitions: text search on name and id, a state filter, a sort key (<c>name</c>, <c>-createdAt</c>, ...).</summary>
public sealed record DefinitionQuery(int Page = 1, int PageSize = 50, string? Search = null, DefinitionState? State = null, string? Sort = null);
