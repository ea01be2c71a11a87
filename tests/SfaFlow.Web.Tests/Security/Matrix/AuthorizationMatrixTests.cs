using System.Net;
using System.Text;
using System.Text.Json;

namespace SfaFlow.Web.Tests.Security.Matrix;

/// <summary>
/// The authorization matrix: every endpoint x every role (with each record scope) x (own record, in-scope record of
/// another user, out-of-scope record). Record endpoints answer by scope (out of scope: 404, nothing changed, absent from
/// lists and exports); base data, organization and workflow endpoints answer by role (403 with the reason). Each test
/// collects every cell that answers wrongly before failing, so one run shows the whole picture.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private MatrixWorld World => fixture.World;

    [Fact]
    public void Catalog_HasEveryEndpointTheHostMaps_AndPublicOnesAreExactlyThePublicCases()
    {
        var mapped = fixture.Endpoints();
        var missing = mapped.Where(e => !MatrixCatalog.Cases.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var stale = MatrixCatalog.Cases.Keys.Where(k => mapped.All(e => e.Key != k)).ToList();
        var wronglyPublic = mapped.Where(e => e.Anonymous != MatrixCatalog.Cases.GetValueOrDefault(e.Key) is PublicCase).Select(e => e.Key).ToList();

        Assert.True(missing.Count == 0, $"Endpoints not in the matrix (add them to MatrixCatalog): {string.Join(", ", missing)}.");
        Assert.True(stale.Count == 0, $"Matrix entries for endpoints the host no longer maps: {string.Join(", ", stale)}.");
        Assert.True(wronglyPublic.Count == 0, $"Public in the host but not in the matrix, or the other way round: {string.Join(", ", wronglyPublic)}.");
    }

    [Theory]
    [MemberData(nameof(MatrixProfiles.Names), MemberType = typeof(MatrixProfiles))]
    public async Task RecordEndpoints_AnswerByRecordScope(string userName)
    {
        var profile = MatrixProfiles.Named(userName);
        using var client = await World.ClientAsync(userName);
        var failures = new List<string>();
        var checkedCells = 0;
        foreach (var endpoint in fixture.Endpoints())
        {
            if (MatrixCatalog.Cases.GetValueOrDefault(endpoint.Key) is not RecordCase recordCase)
            {
                continue;
            }

            foreach (var (cell, owner, visible) in profile.Cells())
            {
                var failure = await new RecordCell(World, client, endpoint, recordCase, cell, owner, visible).CheckAsync();
                checkedCells++;
                if (failure is not null)
                {
                    failures.Add($"{profile} ({cell}): {failure}");
                }
            }
        }

        Assert.True(checkedCells >= 2 * MatrixCatalog.Cases.Values.OfType<RecordCase>().Count(), $"Only {checkedCells} cells were checked.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCells} cells answered wrongly:\n{string.Join("\n", failures)}");
    }

    [Theory]
    [MemberData(nameof(MatrixProfiles.Names), MemberType = typeof(MatrixProfiles))]
    public async Task RoleEndpoints_AnswerByRole(string userName)
    {
        var profile = MatrixProfiles.Named(userName);
        using var client = await World.ClientAsync(userName);
        var failures = new List<string>();
        foreach (var endpoint in fixture.Endpoints())
        {
            if (MatrixCatalog.Cases.GetValueOrDefault(endpoint.Key) is not RoleCase roleCase)
            {
                continue;
            }

            var allowed = roleCase.Allows(profile.Role);
            // A refused role sends the same valid request: checks made by the service (admins only) come after binding the body.
            var (url, body) = roleCase.Request is { } request ? await request(World) : (endpoint.Url(), null);
            using var response = await client.SendAsync(MatrixRequests.Create(endpoint.Method, url, body, roleCase.ContentType));
            var status = response.StatusCode;
            var ok = !allowed ? status == HttpStatusCode.Forbidden
                : roleCase.Request is null ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                : status == roleCase.Success;
            if (!ok)
            {
                var expected = !allowed ? "403" : roleCase.Request is null ? "anything but 401 and 403" : ((int)roleCase.Success).ToString(System.Globalization.CultureInfo.InvariantCulture);
                failures.Add($"{profile}: {endpoint.Key} {endpoint.Method} {url} answered {(int)status}, expected {expected}: {await MatrixRequests.ExcerptAsync(response)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} endpoints answered wrongly:\n{string.Join("\n", failures)}");
    }
}

/// <summary>Requests and answers as the matrix sends and reports them.</summary>
internal static class MatrixRequests
{
    public static HttpRequestMessage Create(string method, string url, string? body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        return request;
    }

    public static async Task<string> ExcerptAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    public static async Task<JsonElement> JsonOrDefaultAsync(HttpResponseMessage response)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
