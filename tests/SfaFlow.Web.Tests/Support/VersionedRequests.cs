using System.Net.Http.Headers;
using System.Text;

namespace SfaFlow.Web.Tests.Support;

/// <summary>Requests that change a record only at the version the caller read (If-Match with the record's ETag).</summary>
public static class VersionedRequests
{
    public static async Task<HttpResponseMessage> SendAtVersionAsync(this HttpClient client, HttpMethod method, string path, string? json, string etag)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await client.SendAsync(request);
    }
}
