using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SfaFlow.Web.Tests.Support;

/// <summary>Calls the API with JSON text and reads answers as JSON, failing with the body when the status is not the expected one.</summary>
public static class ApiClient
{
    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string? json = null) =>
        client.PostAsync(new Uri(path, UriKind.Relative), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json) =>
        client.PutAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string path) =>
        client.DeleteAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> PostBytesAsync(this HttpClient client, string path, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The body as JSON after checking the status (the body is in the failure message).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>An RFC 7807 problem with the expected status.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string property = "items") => element.GetProperty(property).EnumerateArray();

    public static string Escape(string value) => Uri.EscapeDataString(value);
}
