using System.Net.Http.Headers;
using System.Text;

namespace SfaFlow.Web.Tests.Support;

/// <summary>Requests that change a record only at the version its ETag names (<c>If-Match</c>), as a careful client sends them.</summary>
public static class IfMatchRequests
{
    public static async Task<HttpResponseMessage> SendIfMatchAsync(this HttpClient client, HttpMethod method, string path, string etag, string? json = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await client.SendAsync(request);
    }
}
