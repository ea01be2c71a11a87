using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SfaFlow.Sales;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.Security;

/// <summary>The first admin from <c>SfaFlow:Auth:InitialAdmin</c>, created once; and no start without a signing key outside Development.</summary>
public sealed class InitialAdminTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sfaflow-admin-").FullName;

    [Fact]
    public async Task InitialAdmin_IsCreatedOnce_AndNeverReset()
    {
        using (var first = Host(("UserName", "root"), ("Password", "Root-pass-1"), ("DisplayName", "The Root")))
        {
            using var client = SfaFlowApiFactory.WithToken(first.CreateClient(), await first.TokenAsync("root", "Root-pass-1"));
            var me = await (await client.GetAsync("/api/auth/me")).JsonAsync();
            Assert.Equal(("root", "The Root", "Admin", "All"), (me.Text("userName"), me.Text("displayName"), me.Text("role"), me.Text("scope")));
        }

        // Restarted with another password and another admin's name: an admin exists, so nothing changes.
        using (var second = Host(("UserName", "root"), ("Password", "Other-pass-2")))
        {
            await second.TokenAsync("root", "Root-pass-1");
            await (await TokenAsync(second, "root", "Other-pass-2")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var third = Host(("UserName", "root2"), ("Password", "Root-pass-2"));
        await (await TokenAsync(third, "root2", "Root-pass-2")).ProblemAsync(HttpStatusCode.Unauthorized);
        await using var db = await third.Service<ISalesDatabaseFactory>().OpenAsync();
        Assert.Equal(["root"], await db.Users.Select(u => u.UserName).ToListAsync());
    }

    [Fact]
    public void Production_WithoutSigningKey_DoesNotStart()
    {
        using var production = new SfaFlowApiFactory(_folder, new Dictionary<string, string?>(), environment: "Production");

        var failure = Assert.Throws<OptionsValidationException>(() => production.CreateClient());

        Assert.Contains("SfaFlow:Auth:SigningKey must be set outside Development", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }

    private SfaFlowApiFactory Host(params (string Key, string Value)[] admin) =>
        new(_folder, admin.ToDictionary(a => $"SfaFlow:Auth:InitialAdmin:{a.Key}", a => (string?)a.Value));

    private static async Task<HttpResponseMessage> TokenAsync(SfaFlowApiFactory host, string userName, string password)
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName, password });
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
