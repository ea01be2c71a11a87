namespace SfaFlow.Web.Api;

/// <summary>
/// Checks the query parameters every list shares (DESIGN.md: <c>?page=1&amp;pageSize=50</c>, at most 500, <c>?sort=name</c>
/// or <c>?sort=-name</c>) and enum filters, so a wrong value is answered with a 400 naming the parameter rather than
/// silently ignored.
/// </summary>
internal static class ListQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The problems with paging and sorting; empty when the values are usable.</summary>
    public static List<ApiError> Check(int page, int pageSize, string? sort, IReadOnlyCollection<string> sorts)
    {
        var errors = new List<ApiError>();
        if (page < 1)
        {
            errors.Add(new ApiError("page", $"page must be 1 or more, not {page}."));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new ApiError("pageSize", $"pageSize must be between 1 and {MaxPageSize}, not {pageSize}."));
        }

        if (sort is not null && !sorts.Contains(sort))
        {
            errors.Add(new ApiError("sort", $"sort must be one of {string.Join(", ", sorts)}; '{sort}' is not."));
        }

        return errors;
    }

    /// <summary>Reads an enum filter by name (any case); numbers are refused since their meaning is not part of the API.</summary>
    public static TEnum? Enum<TEnum>(string? value, string parameter, List<ApiError> errors) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !char.IsAsciiDigit(value[0]) && value[0] != '-')
        {
            return parsed;
        }

        errors.Add(new ApiError(parameter, $"{parameter} must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}; '{value}' is not."));
        return null;
    }
}
