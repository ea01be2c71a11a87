using System.Net;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Contacts over HTTP: they follow their account's owner, live only at accounts in scope, and are listed per account.</summary>
public sealed class ContactEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Contact_TakesItsAccountsOwner_IsChangedAtItsVersion_AStaleIfMatchIs409_AndIsHiddenOutOfScope()
    {
        var account = await (await _rep.PostJsonAsync("/api/accounts", """{"name": "Jacquard Looms"}""")).JsonAsync(HttpStatusCode.Created);
        var created = await _rep.PostJsonAsync("/api/contacts", $$"""{"accountId": {{account.GetProperty("id")}}, "firstName": "Joseph", "lastName": "Jacquard", "email": "joseph@looms.example"}""");
        var contact = await created.JsonAsync(HttpStatusCode.Created);
        var id = contact.GetProperty("id").GetInt64();

        var changed = await _rep.SendIfMatchAsync(HttpMethod.Put, $"/api/contacts/{id}", "\"1\"",
            $$"""{"accountId": {{account.GetProperty("id")}}, "firstName": "Joseph Marie", "lastName": "Jacquard", "title": "Inventor"}""");
        var stale = await _rep.SendIfMatchAsync(HttpMethod.Put, $"/api/contacts/{id}", "\"1\"", $$"""{"accountId": {{account.GetProperty("id")}}, "lastName": "Lost"}""");
        var hidden = await factory.CreateClient(SalesRole.Manager).GetAsync($"/api/contacts/{id}");
        var read = await _rep.GetAsync($"/api/contacts/{id}");

        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal(account.GetProperty("ownerId").GetInt64(), contact.GetProperty("ownerId").GetInt64());
        Assert.Equal(("\"2\"", "Joseph Marie", "Inventor"), (changed.Headers.ETag?.Tag, (await changed.JsonAsync()).Text("firstName"), (await read.JsonAsync()).Text("title")));
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        await hidden.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("\"2\"", read.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Contact_AtAnAccountOutOfScope_OrWithInvalidFields_Is422_WithEachFieldNamed()
    {
        var othersAccount = await (await factory.CreateClient(SalesRole.Manager).PostJsonAsync("/api/accounts", """{"name": "Manager's own"}""")).JsonAsync(HttpStatusCode.Created);

        var problem = await (await _rep.PostJsonAsync("/api/contacts", $$"""{"accountId": {{othersAccount.GetProperty("id")}}, "lastName": "", "email": "not-an-address"}"""))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["accountId", "lastName", "email"], problem.Items("errors").Select(e => e.Text("path")));
        Assert.Equal($"There is no account {othersAccount.GetProperty("id")}.", problem.Items("errors").First().Text("message"));
    }

    [Fact]
    public async Task Contact_WithAnActivity_IsNotDeleted_409()
    {
        var accountId = (await (await _rep.PostJsonAsync("/api/accounts", """{"name": "Busy Ltd"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var contactId = (await (await _rep.PostJsonAsync("/api/contacts", $$"""{"accountId": {{accountId}}, "lastName": "Called"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await AddCallAsync(contactId);

        var inUse = await (await _rep.DeleteAsync($"/api/contacts/{contactId}")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("1 activity refers to it", inUse.Text("detail"), StringComparison.Ordinal);
        await (await _rep.GetAsync($"/api/contacts/{contactId}")).JsonAsync();
    }

    [Fact]
    public async Task ContactList_ByAccount_IsSortedAndSearched_AndExportsTheSameAsCsv()
    {
        var accountId = (await (await _rep.PostJsonAsync("/api/accounts", """{"name": "Many People"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        foreach (var (first, last) in new[] { ("Grace", "Hopper"), ("Ada", "Lovelace"), ("Alan", "Turing") })
        {
            await (await _rep.PostJsonAsync("/api/contacts", $$"""{"accountId": {{accountId}}, "firstName": "{{first}}", "lastName": "{{last}}"}""")).JsonAsync(HttpStatusCode.Created);
        }

        var byAccount = await (await _rep.GetAsync($"/api/contacts?accountId={accountId}")).JsonAsync();
        var searched = await (await _rep.GetAsync($"/api/contacts?accountId={accountId}&q=LOVE")).JsonAsync();
        var descending = await (await _rep.GetAsync($"/api/contacts?accountId={accountId}&sort=-firstName&pageSize=1")).JsonAsync();
        var rows = (await (await _rep.GetAsync($"/api/contacts/export?accountId={accountId}")).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(["Hopper", "Lovelace", "Turing"], byAccount.Items().Select(c => c.Text("lastName")));
        Assert.Equal("Ada", Assert.Single(searched.Items()).Text("firstName"));
        Assert.Equal((3, "Grace"), (descending.GetProperty("total").GetInt32(), Assert.Single(descending.Items()).Text("firstName")));
        Assert.StartsWith("id,version,accountId,firstName,lastName,", rows[0], StringComparison.Ordinal);
        Assert.Equal([$"{accountId},Grace,Hopper", $"{accountId},Ada,Lovelace", $"{accountId},Alan,Turing"], rows[1..].Select(r => string.Join(',', r.Split(',')[2..5])));
    }

    /// <summary>A call with the contact, written directly: planning activities is the activity log's business, tested there.</summary>
    private async Task AddCallAsync(long contactId)
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
        db.Activities.Add(new SalesActivity { Kind = ActivityKind.Call, Subject = "Intro", ContactId = contactId, OwnerId = contact.OwnerId });
        await db.SaveChangesAsync();
    }
}
