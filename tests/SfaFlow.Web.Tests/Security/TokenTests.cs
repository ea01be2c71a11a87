using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Security;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Security;

/// <summary><c>POST /api/auth/token</c> and the bearer tokens it issues, checked on every request.</summary>
public sealed class TokenTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Fact]
    public async Task Issue_RightPassword_GivesATokenForAnHourThatSignsIn()
    {
        await factory.AddSalesUserAsync("token-rep", SalesRole.Rep);

        var response = await _anonymous.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "token-rep", password = SfaFlowApiFactory.Password });

        var body = await response.JsonAsync();
        var expiresIn = body.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
        using var client = SfaFlowApiFactory.WithToken(factory.CreateClient(), body.Text("token"));
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync();
        Assert.Equal(("token-rep", "token-rep (test)", "Rep", "Own"), (me.Text("userName"), me.Text("displayName"), me.Text("role"), me.Text("scope")));
    }

    [Fact]
    public async Task Issue_WrongPasswordOrUnknownUser_Is401WithTheSameProblem()
    {
        await factory.AddSalesUserAsync("token-wrong", SalesRole.Rep);

        var wrongPassword = await (await _anonymous.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "token-wrong", password = "Wrong-pass-1" })).ProblemAsync(HttpStatusCode.Unauthorized);
        var unknownUser = await (await _anonymous.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "nobody-at-all", password = SfaFlowApiFactory.Password })).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("The user name or password is wrong.", wrongPassword.Text("detail"));
        Assert.Equal(wrongPassword.Text("detail"), unknownUser.Text("detail"));
    }

    [Fact]
    public async Task Issue_WithoutUserNameOrPassword_Is400NamingThem()
    {
        var problem = await (await _anonymous.PostJsonAsync("/api/auth/token", "{}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["userName", "password"], problem.Items("errors").Select(e => e.Text("path")));
    }

    [Fact]
    public async Task Issue_FormOrMalformedJson_Is415Or400_NotASignInRequest()
    {
        var form = await _anonymous.PostAsync(new Uri("/api/auth/token", UriKind.Relative), new FormUrlEncodedContent([new("userName", "x"), new("password", "y")]));
        var malformed = await _anonymous.PostJsonAsync("/api/auth/token", """{"userName": """);

        Assert.Contains("as JSON", (await form.ProblemAsync(HttpStatusCode.UnsupportedMediaType)).Text("detail"), StringComparison.Ordinal);
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bearer_SignedWithAnotherKeyOrGarbled_Is401()
    {
        var token = await factory.TokenAsync(SfaFlowApiFactory.UserNameOf(SalesRole.Rep), SfaFlowApiFactory.Password);
        var parts = token.Split('.');
        var otherKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 48)));
        var forged = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(
            Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])), new SigningCredentials(otherKey, SecurityAlgorithms.HmacSha256));

        foreach (var bad in new[] { forged, $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA", "not-a-token" })
        {
            using var client = SfaFlowApiFactory.WithToken(factory.CreateClient(), bad);
            var problem = await (await client.GetAsync("/api/activities")).ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.StartsWith("The bearer token is not valid", problem.Text("detail"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bearer_Expired_Is401SayingSo()
    {
        var issuedTwoHoursAgo = new BearerTokens(factory.Service<SigningKey>(), factory.Service<IOptions<AuthOptions>>(), new FixedClock(DateTimeOffset.UtcNow.AddHours(-2)));
        using var scope = factory.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
        var account = await signIn.UserManager.FindByNameAsync(SfaFlowApiFactory.UserNameOf(SalesRole.Rep));
        var (token, _) = issuedTwoHoursAgo.Issue(await signIn.CreateUserPrincipalAsync(account!));

        using var client = SfaFlowApiFactory.WithToken(factory.CreateClient(), token);
        var problem = await (await client.GetAsync("/api/activities")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("The bearer token has expired; get a new one from POST /api/auth/token.", problem.Text("detail"));
    }

    [Fact]
    public async Task Bearer_AfterThePasswordChanged_IsRefused()
    {
        await factory.AddSalesUserAsync("token-changes-password", SalesRole.Rep);
        using var client = SfaFlowApiFactory.WithToken(factory.CreateClient(), await factory.TokenAsync("token-changes-password", SfaFlowApiFactory.Password));
        await (await client.GetAsync("/api/auth/me")).JsonAsync();

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var account = await users.FindByNameAsync("token-changes-password");
            Assert.True((await users.ChangePasswordAsync(account!, SfaFlowApiFactory.Password, "Changed-pass-2")).Succeeded);
        }

        await (await client.GetAsync("/api/auth/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Role_IsTheSalesUsersNow_NotWhenTheTokenWasIssued()
    {
        await factory.AddSalesUserAsync("token-promoted", SalesRole.Rep);
        using var client = SfaFlowApiFactory.WithToken(factory.CreateClient(), await factory.TokenAsync("token-promoted", SfaFlowApiFactory.Password));
        var id = UniqueId("promoted");
        await (await client.PostJsonAsync("/api/workflow-definitions", Definition(id, [Wf.Start()]))).ProblemAsync(HttpStatusCode.Forbidden);

        await factory.ChangeSalesUserAsync("token-promoted", user => user.Role = SalesRole.Developer);

        await (await client.PostJsonAsync("/api/workflow-definitions", Definition(id, [Wf.Start()]))).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task InactiveSalesUser_GetsNoToken_AndItsTokenIsRefusedWithTheReason()
    {
        await factory.AddSalesUserAsync("token-leaves", SalesRole.Rep);
        using var client = SfaFlowApiFactory.WithToken(factory.CreateClient(), await factory.TokenAsync("token-leaves", SfaFlowApiFactory.Password));

        await factory.ChangeSalesUserAsync("token-leaves", user => user.IsActive = false);

        var refused = await (await client.GetAsync("/api/activities")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("'token-leaves' has no active sales user", refused.Text("detail"), StringComparison.Ordinal);
        var noToken = await (await _anonymous.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "token-leaves", password = SfaFlowApiFactory.Password })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("has no active sales user", noToken.Text("detail"), StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
