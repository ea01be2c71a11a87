using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests;

public sealed partial class SfaFlowApiFactory
{
    /// <summary>A sales user, and its account when <paramref name="password"/> is given.</summary>
    public async Task<long> AddSalesUserAsync(string userName, SalesRole role, RecordScope scope = RecordScope.Own, string? password = Password, bool active = true)
    {
        long id;
        await using (var db = await Service<ISalesDatabaseFactory>().OpenAsync())
        {
            var user = new SalesUser { UserName = userName, DisplayName = $"{userName} (test)", Role = role, Scope = scope, IsActive = active };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            id = user.Id;
        }

        if (password is not null)
        {
            await Service<IUserAccounts>().EnsureAsync(userName, password);
        }

        return id;
    }

    /// <summary>Changes a sales user in the database (role, scope, active), as an admin would.</summary>
    public async Task ChangeSalesUserAsync(string userName, Action<SalesUser> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await Service<ISalesDatabaseFactory>().OpenAsync();
        change(await db.Users.SingleAsync(u => u.UserName == userName));
        await db.SaveChangesAsync();
    }

    /// <summary>A bearer token from <c>POST /api/auth/token</c>.</summary>
    public async Task<string> TokenAsync(string userName, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName, password });
        var body = await response.JsonAsync();
        return body.GetProperty("token").GetString()!;
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
