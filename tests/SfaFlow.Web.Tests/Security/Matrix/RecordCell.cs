using System.Net;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.Security.Matrix;

/// <summary>One cell of the record matrix: a caller, an endpoint, and a fresh record owned by the cell's owner.</summary>
internal sealed class RecordCell(MatrixWorld world, HttpClient client, MappedEndpoint endpoint, RecordCase recordCase, string cell, CellOwner owner, bool visible)
{
    private static readonly string[] TaskGroups = ["overdue", "today", "upcoming"];

    /// <summary>Null when the cell answered as the matrix expects; otherwise what went wrong.</summary>
    public async Task<string?> CheckAsync() => recordCase.Access switch
    {
        RecordAccess.Read => await ReadOrChangeAsync(changes: false),
        RecordAccess.Change => await ReadOrChangeAsync(changes: true),
        RecordAccess.List => await ListAsync("total"),
        RecordAccess.Totals => await ListAsync("count"),
        RecordAccess.Export => await ExportAsync(),
        RecordAccess.Create => await CreateAsync(),
        RecordAccess.Mine => await MineAsync(),
        _ => throw new InvalidOperationException(recordCase.Access.ToString()),
    };

    private async Task<string?> ReadOrChangeAsync(bool changes)
    {
        var record = await world.SeedAsync(recordCase.Resource, owner);
        var before = await world.VersionAsync(record);
        var url = recordCase.Query is { } query ? endpoint.Url() + query(record) : endpoint.Url(record.Id);
        using var response = await SendAsync(url, recordCase.Body?.Invoke(record, world));
        if (visible)
        {
            return response.StatusCode == recordCase.Success ? null : await WrongAsync(url, response, ((int)recordCase.Success).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            return await WrongAsync(url, response, "404");
        }

        return changes && await world.VersionAsync(record) != before ? $"{endpoint.Key} {url} answered 404 but changed the record." : null;
    }

    /// <summary>A list (or its totals) filtered to the cell's record holds it exactly when the caller may see it.</summary>
    private async Task<string?> ListAsync(string countProperty)
    {
        var record = await world.SeedAsync(recordCase.Resource, owner);
        var url = $"{endpoint.Url()}?id={record.Id}";
        using var response = await SendAsync(url, null);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return await WrongAsync(url, response, "200");
        }

        var total = (await MatrixRequests.JsonOrDefaultAsync(response)).GetProperty(countProperty).GetInt32();
        return total == (visible ? 1 : 0) ? null : $"{endpoint.Key} {url} listed {total} records, expected {(visible ? 1 : 0)}.";
    }

    private async Task<string?> ExportAsync()
    {
        var record = await world.SeedAsync(recordCase.Resource, owner);
        var url = $"{endpoint.Url()}?id={record.Id}";
        using var response = await SendAsync(url, null);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return await WrongAsync(url, response, "200");
        }

        var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        return rows == (visible ? 1 : 0) ? null : $"{endpoint.Key} {url} exported {rows} rows, expected {(visible ? 1 : 0)}.";
    }

    /// <summary>Creating a record for the cell's owner (on an account and lead of theirs): refused (422) out of scope.</summary>
    private async Task<string?> CreateAsync()
    {
        var basis = await world.SeedAsync(MatrixResource.Account, owner);
        var url = endpoint.Url();
        using var response = await SendAsync(url, recordCase.Body!(basis, world));
        var expected = visible ? recordCase.Success : HttpStatusCode.UnprocessableEntity;
        return response.StatusCode == expected ? null : await WrongAsync(url, response, ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>"My tasks" holds the caller's own tasks only, whatever their scope.</summary>
    private async Task<string?> MineAsync()
    {
        var record = await world.SeedAsync(recordCase.Resource, owner);
        var url = endpoint.Url();
        using var response = await SendAsync(url, null);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return await WrongAsync(url, response, "200");
        }

        var mine = await MatrixRequests.JsonOrDefaultAsync(response);
        var listed = TaskGroups.SelectMany(group => mine.Items(group)).Any(t => t.GetProperty("id").GetInt64() == record.Id);
        var own = cell == "own";
        return listed == own ? null : $"{endpoint.Key} {(listed ? "listed" : "did not list")} the {cell} task.";
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string? body)
    {
        using var request = MatrixRequests.Create(endpoint.Method, url, body, recordCase.ContentType);
        return await client.SendAsync(request);
    }

    private async Task<string> WrongAsync(string url, HttpResponseMessage response, string expected) =>
        $"{endpoint.Key} {endpoint.Method} {url} answered {(int)response.StatusCode}, expected {expected}: {await MatrixRequests.ExcerptAsync(response)}";
}
