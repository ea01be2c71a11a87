using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.Security;

/// <summary>The UI's cookie sign-in: JSON or a form with an antiforgery token, who-am-I, and signing out.</summary>
public sealed class CookieLoginTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    [Fact]
    public async Task JsonLogin_SetsAnHttpOnlyCookie_ThatSignsInUntilLogout()
    {
        await factory.AddSalesUserAsync("cookie-manager", SalesRole.Manager, Sales.Security.RecordScope.Team);
        using var browser = factory.CreateClient();

        var login = await browser.PostJsonAsync("/api/auth/login", $$"""{"userName":"cookie-manager","password":"{{SfaFlowApiFactory.Password}}"}""");

        var signedIn = await login.JsonAsync();
        Assert.Equal(("cookie-manager", "Manager", "Team"), (signedIn.Text("userName"), signedIn.Text("role"), signedIn.Text("scope")));
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sfaflow.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await (await browser.GetAsync("/api/auth/me")).JsonAsync();
        Assert.Equal("cookie-manager (test)", me.Text("displayName"));

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostJsonAsync("/api/auth/logout")).StatusCode);
        await (await browser.GetAsync("/api/auth/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task JsonLogin_WrongPassword_Is401AndSignsNobodyIn()
    {
        await factory.AddSalesUserAsync("cookie-wrong", SalesRole.Rep);
        using var browser = factory.CreateClient();

        await (await browser.PostJsonAsync("/api/auth/login", """{"userName":"cookie-wrong","password":"Wrong-pass-1"}""")).ProblemAsync(HttpStatusCode.Unauthorized);

        await (await browser.GetAsync("/api/auth/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FormLogin_WithoutAntiforgeryToken_Is400AndSignsNobodyIn()
    {
        await factory.AddSalesUserAsync("cookie-forged", SalesRole.Rep);
        using var browser = factory.CreateClient();

        var problem = await (await browser.PostAsync(new Uri("/api/auth/login", UriKind.Relative), Form("cookie-forged", SfaFlowApiFactory.Password))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("antiforgery", problem.Text("detail"), StringComparison.Ordinal);
        await (await browser.GetAsync("/api/auth/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FormLogin_WithTheAntiforgeryToken_SignsIn()
    {
        await factory.AddSalesUserAsync("cookie-form", SalesRole.Rep);
        using var browser = factory.CreateClient();
        var antiforgery = await (await browser.GetAsync("/api/auth/antiforgery")).JsonAsync();

        var login = await browser.PostAsync(new Uri("/api/auth/login", UriKind.Relative),
            Form("cookie-form", SfaFlowApiFactory.Password, (antiforgery.Text("formFieldName"), antiforgery.Text("token"))));

        Assert.Equal("cookie-form", (await login.JsonAsync()).Text("userName"));
        await (await browser.GetAsync("/api/auth/me")).JsonAsync();
    }

    [Fact]
    public async Task FormLogin_WithAnotherBrowsersToken_Is400()
    {
        await factory.AddSalesUserAsync("cookie-stolen", SalesRole.Rep);
        using var attacker = factory.CreateClient();
        var token = await (await attacker.GetAsync("/api/auth/antiforgery")).JsonAsync();
        using var victim = factory.CreateClient();

        await (await victim.PostAsync(new Uri("/api/auth/login", UriKind.Relative),
            Form("cookie-stolen", SfaFlowApiFactory.Password, (token.Text("formFieldName"), token.Text("token"))))).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Login_PlainTextBody_Is415()
    {
        using var browser = factory.CreateClient();

        await (await browser.PostAsync(new Uri("/api/auth/login", UriKind.Relative),
            new StringContent("""{"userName":"x","password":"y"}"""))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    private static FormUrlEncodedContent Form(string userName, string password, params (string Name, string Value)[] extra) =>
        new([new("userName", userName), new("password", password), .. extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value))]);
}
