using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>
/// CSV imports over HTTP: all or nothing by default (422 with the report), valid rows only on request (200), every row
/// through the lead service's rules and the caller's scope, a text/csv body or a multipart file, and what is refused.
/// </summary>
public sealed class CsvImportEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task AllOrNothing_WithInvalidRows_WritesNothing_And422ReportsEachRowAndField()
    {
        var marker = Marker();

        var response = await _rep.PostBytesAsync("/api/leads/import", await LeadsCsvAsync(marker), "text/csv");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal((4, 0, 2, false), (problem.GetProperty("rowsRead").GetInt32(), problem.GetProperty("rowsImported").GetInt32(),
            problem.GetProperty("rowsInvalid").GetInt32(), problem.GetProperty("committed").GetBoolean()));
        Assert.Equal([(3, "email"), (4, "ownerId")], problem.Items("errors").Select(e => (e.GetProperty("row").GetInt32(), e.Text("field"))));
        Assert.Equal("You cannot give a lead to someone outside your scope.", problem.Items("errors").Last().Text("message"));
        Assert.Contains("send validRowsOnly=true", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(0, await LeadCountAsync(marker));
    }

    [Fact]
    public async Task ValidRowsOnly_AsAMultipartFile_WritesTheGoodRows_AndReportsTheOthers()
    {
        var marker = Marker();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await LeadsCsvAsync(marker));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "leads.csv");

        var report = await (await _rep.PostAsync(new Uri("/api/leads/import?validRowsOnly=true", UriKind.Relative), form)).JsonAsync();

        Assert.Equal((4, 2, 2, true), (report.GetProperty("rowsRead").GetInt32(), report.GetProperty("rowsImported").GetInt32(),
            report.GetProperty("rowsInvalid").GetInt32(), report.GetProperty("committed").GetBoolean()));
        Assert.Equal([3, 4], report.Items("errors").Select(e => e.GetProperty("row").GetInt32()));
        Assert.Equal(2, await LeadCountAsync(marker));
    }

    [Fact]
    public async Task HeaderOnly_Is200WithNothingRead_AnUnknownColumnIs422_AndProductsNeedAnAdmin()
    {
        var empty = await (await _rep.PostBytesAsync("/api/accounts/import", "name,city\r\n"u8.ToArray(), "text/csv")).JsonAsync();
        var unknown = await (await _rep.PostBytesAsync("/api/contacts/import", "lastName,colour\r\nLovelace,red\r\n"u8.ToArray(), "text/csv")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var products = await (await _rep.PostBytesAsync("/api/products/import", "code,name,price,currency\r\nX,X,1,EUR\r\n"u8.ToArray(), "text/csv")).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal((0, 0), (empty.GetProperty("rowsRead").GetInt32(), empty.GetProperty("errors").GetArrayLength()));
        Assert.Equal([(1, "colour"), (1, "accountId")], unknown.Items("errors").Select(e => (e.GetProperty("row").GetInt32(), e.Text("field"))));
        Assert.StartsWith("Nothing was imported: the file cannot be read", unknown.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("Only an admin may import products.", products.Text("detail"));
    }

    [Fact]
    public async Task Bodies_OfAnotherType_TooLarge_OrAFormWithoutAntiforgeryFromACookie_AreRefused()
    {
        var plain = await _rep.PostBytesAsync("/api/leads/import", "name\r\nAda\r\n"u8.ToArray(), "text/plain");
        var tooLarge = await _rep.PostBytesAsync("/api/opportunities/import", new byte[50 * 1024 * 1024 + 1], "text/csv");
        using var browser = factory.CreateClient();
        await (await browser.PostJsonAsync("/api/auth/login", $$"""{"userName":"{{SfaFlowApiFactory.UserNameOf(SalesRole.Rep)}}","password":"{{SfaFlowApiFactory.Password}}"}""")).JsonAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent("name\r\nForged\r\n"u8.ToArray()), "file", "leads.csv" } };
        var forged = await browser.PostAsync(new Uri("/api/leads/import", UriKind.Relative), form);

        await plain.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("50 MB", (await tooLarge.ProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Text("detail"), StringComparison.Ordinal);
        Assert.Contains("antiforgery", (await forged.ProblemAsync(HttpStatusCode.BadRequest)).Text("detail"), StringComparison.Ordinal);
    }

    private static string Marker() => $"import-{Guid.NewGuid():N}"[..15];

    /// <summary>Four leads: two valid, one with a broken e-mail address (row 3), one given to the manager, outside a rep's scope (row 4).</summary>
    private async Task<byte[]> LeadsCsvAsync(string marker)
    {
        var manager = await (await _rep.GetAsync($"/api/users?userName={SfaFlowApiFactory.UserNameOf(SalesRole.Manager)}")).JsonAsync();
        var managerId = Assert.Single(manager.Items()).GetProperty("id").GetInt64();
        var csv = new StringBuilder()
            .Append("name,email,source,ownerId\r\n")
            .Append(FormattableString.Invariant($"Ada Lovelace,ada@example.com,{marker},\r\n"))
            .Append(FormattableString.Invariant($"Broken Mail,not-an-address,{marker},\r\n"))
            .Append(FormattableString.Invariant($"Given Away,given@example.com,{marker},{managerId}\r\n"))
            .Append(FormattableString.Invariant($"Grace Hopper,grace@example.com,{marker},\r\n"));
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private async Task<int> LeadCountAsync(string marker) =>
        (await (await _rep.GetAsync($"/api/leads?source={marker}")).JsonAsync()).GetProperty("total").GetInt32();
}
