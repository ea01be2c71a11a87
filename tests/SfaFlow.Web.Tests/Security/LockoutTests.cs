using System.Net;
using System.Net.Http.Json;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.Security;

/// <summary>Identity's lockout: five wrong passwords in a row lock the account for a while, for tokens and cookies alike.</summary>
public sealed class LockoutTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        await factory.AddSalesUserAsync("lock-me", SalesRole.Rep);
        await factory.AddSalesUserAsync("lock-neighbour", SalesRole.Rep);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await TokenAsync("lock-me", "Wrong-pass-1")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var fifth = await TokenAsync("lock-me", "Wrong-pass-1");
        var locked = await fifth.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.StartsWith("The account 'lock-me' is locked after too many failed sign-ins; try again after ", locked.Text("detail"), StringComparison.Ordinal);
        Assert.InRange(fifth.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        await (await TokenAsync("lock-me", SfaFlowApiFactory.Password)).ProblemAsync(HttpStatusCode.TooManyRequests);
        await (await _anonymous.PostJsonAsync("/api/auth/login", $$"""{"userName":"lock-me","password":"{{SfaFlowApiFactory.Password}}"}""")).ProblemAsync(HttpStatusCode.TooManyRequests);
        await (await TokenAsync("lock-neighbour", SfaFlowApiFactory.Password)).JsonAsync();
    }

    [Fact]
    public async Task ARightPassword_StartsTheCountAgain()
    {
        await factory.AddSalesUserAsync("lock-forgetful", SalesRole.Rep);

        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                await (await TokenAsync("lock-forgetful", "Wrong-pass-1")).ProblemAsync(HttpStatusCode.Unauthorized);
            }

            await (await TokenAsync("lock-forgetful", SfaFlowApiFactory.Password)).JsonAsync();
        }
    }

    private Task<HttpResponseMessage> TokenAsync(string userName, string password) =>
        _anonymous.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName, password });
}
