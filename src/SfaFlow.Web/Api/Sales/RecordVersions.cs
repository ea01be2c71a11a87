using System.Globalization;
using SfaFlow.Sales.Records;

namespace SfaFlow.Web.Api.Sales;

/// <summary>
/// Optimistic concurrency over HTTP: a record's version is its ETag (<c>"7"</c>); a change sent with <c>If-Match</c>
/// applies only to that version (409 otherwise). Without If-Match the change applies to whatever is current.
/// </summary>
internal static class RecordVersions
{
    public static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>The version If-Match asks for; null when absent or <c>*</c>.</summary>
    /// <exception cref="BadHttpRequestException">If-Match is not one of our ETags.</exception>
    public static int? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0 || value == "*")
        {
            return null;
        }

        var bare = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        return bare.Length > 2 && bare[0] == '"' && bare[^1] == '"' && int.TryParse(bare[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException($"If-Match must be an ETag this API gave out (such as \"3\"), not {value}.");
    }

    /// <summary>200 with the record and its ETag.</summary>
    public static IResult WithETag<T>(T body, SalesRecord record, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ETag = ETag(record.Version);
        return TypedResults.Ok(body);
    }
}
