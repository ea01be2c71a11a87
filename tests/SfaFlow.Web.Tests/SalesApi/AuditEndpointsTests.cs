using System.Net;
using System.Text.Json;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>The audit log over HTTP: a record's changes for whoever can read the record, the whole log for admins only.</summary>
public sealed class AuditEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient(SalesRole.Admin);
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task LeadChangedByPut_ShowsEachFieldsOldAndNewValue_AndWhoChangedIt_NewestFirst()
    {
        var id = await CreateLeadAsync(_rep, """{"name": "Ada Lovelace", "email": "ada@example.com", "source": "Fair"}""");
        await (await _rep.PutJsonAsync($"/api/leads/{id}", """{"name": "Ada King", "email": "ada@engines.example", "source": "Fair"}""")).JsonAsync();

        var audit = await (await _rep.GetAsync($"/api/audit?recordType=lead&recordId={id}")).JsonAsync();

        var entries = audit.Items().ToList();
        Assert.Equal(4, audit.GetProperty("total").GetInt32());
        Assert.Equal(["Updated", "Updated", "Updated", "Created"], entries.Select(e => e.Text("change")));
        Assert.Equal([("email", "ada@example.com", "ada@engines.example"), ("name", "Ada Lovelace", "Ada King"), ("status", "New", "Working")],
            entries.Take(3).Select(e => (e.Text("field"), e.Text("oldValue"), e.Text("newValue"))).OrderBy(e => e.Item1, StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal(("Lead", id, $"{SfaFlowApiFactory.UserNameOf(SalesRole.Rep)} (test)"),
            (e.Text("recordType"), e.GetProperty("recordId").GetInt64(), e.Text("byDisplayName"))));
        Assert.Equal(JsonValueKind.Null, entries[3].GetProperty("field").ValueKind);
    }

    [Fact]
    public async Task ARecordOutOfScope_Is404_UsersAndTheWholeLogAre403_ButBaseDataIsReadable()
    {
        var otherRep = $"other-rep-{Guid.NewGuid():N}"[..18];
        await factory.AddSalesUserAsync(otherRep, SalesRole.Rep);
        using var other = SfaFlowApiFactory.WithToken(factory.CreateClient(), await factory.TokenAsync(otherRep, SfaFlowApiFactory.Password));
        var othersLead = await CreateLeadAsync(other, """{"name": "Not yours"}""");
        var region = (await (await _admin.PostJsonAsync("/api/regions", """{"name": "LATAM"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var hidden = await (await _rep.GetAsync($"/api/audit?recordType=Lead&recordId={othersLead}")).ProblemAsync(HttpStatusCode.NotFound);
        var users = await (await _rep.GetAsync("/api/audit?recordType=SalesUser&recordId=1")).ProblemAsync(HttpStatusCode.Forbidden);
        var whole = await (await _rep.GetAsync("/api/audit")).ProblemAsync(HttpStatusCode.Forbidden);
        var baseData = await (await _rep.GetAsync($"/api/audit?recordType=Region&recordId={region}")).JsonAsync();
        var byAdmin = await (await _admin.GetAsync($"/api/audit?recordType=Lead&recordId={othersLead}")).JsonAsync();

        Assert.Equal($"There is no lead {othersLead}.", hidden.Text("detail"));
        Assert.Contains("changes of users", users.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("whole audit log", whole.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(("Created", "test-admin (test)"), (Assert.Single(baseData.Items()).Text("change"), baseData.Items().Single().Text("byDisplayName")));
        Assert.Equal(1, byAdmin.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task WholeLog_ForAdmins_FiltersByTypeChangerAndTime_AndNamesABadParameter()
    {
        // An admin of its own, so that the entries of other tests (the fixture's admin) do not count.
        var adminName = $"audit-admin-{Guid.NewGuid():N}"[..20];
        var adminId = await factory.AddSalesUserAsync(adminName, SalesRole.Admin, Sales.Security.RecordScope.All);
        using var admin = SfaFlowApiFactory.WithToken(factory.CreateClient(), await factory.TokenAsync(adminName, SfaFlowApiFactory.Password));
        var region = (await (await admin.PostJsonAsync("/api/regions", """{"name": "ANZ"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await admin.PutJsonAsync($"/api/regions/{region}", """{"name": "Oceania"}""")).JsonAsync();
        await CreateLeadAsync(_rep, """{"name": "Someone else's change"}""");
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var regions = await (await _admin.GetAsync($"/api/audit?recordType=Region&byUserId={adminId}&from={today}&to={tomorrow}&pageSize=1")).JsonAsync();
        var leadsByAdmin = await (await _admin.GetAsync($"/api/audit?recordType=Lead&byUserId={adminId}")).JsonAsync();
        var longAgo = await (await _admin.GetAsync("/api/audit?to=2000-01-01")).JsonAsync();
        var invalid = await (await _admin.GetAsync("/api/audit?recordId=1&colour=red&from=yesterday")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(2, regions.GetProperty("total").GetInt32());
        var newest = Assert.Single(regions.Items());
        Assert.Equal(("Updated", "name", "ANZ", "Oceania"), (newest.Text("change"), newest.Text("field"), newest.Text("oldValue"), newest.Text("newValue")));
        Assert.Equal(0, leadsByAdmin.GetProperty("total").GetInt32());
        Assert.Equal(0, longAgo.GetProperty("total").GetInt32());
        Assert.Equal(["colour", "from", "recordType"], invalid.Items("errors").Select(e => e.Text("path")));
    }

    private static async Task<long> CreateLeadAsync(HttpClient client, string json) =>
        (await (await client.PostJsonAsync("/api/leads", json)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
}
