using System.Net.Http.Headers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Sales.Organization;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Web.Tests;

/// <summary>
/// The real host in memory, in the Testing environment, on its own temporary database and workflows folder, with one
/// signed-up sales user per role (<see cref="CreateClient(SalesRole)"/> gives a client with that user's bearer token).
/// </summary>
public sealed partial class SfaFlowApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The password of every user the fixture creates.</summary>
    public const string Password = "Test-pass-1";

    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IWebHostBuilder>? _configure;
    private readonly Dictionary<SalesRole, string> _tokens = [];

    public SfaFlowApiFactory()
        : this(null, new Dictionary<string, string?>())
    {
    }

    /// <summary>
    /// A host on <paramref name="folder"/> (kept on dispose, so a second host can start on the same database) with extra
    /// settings, and <paramref name="configure"/> applied last (a fake clock for the whole host, so that no second host
    /// on the real clock runs the same database's scheduler).
    /// </summary>
    internal SfaFlowApiFactory(string? folder, IReadOnlyDictionary<string, string?> settings, string environment = "Testing", Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        _ownsFolder = folder is null;
        _folder = folder ?? Directory.CreateTempSubdirectory("sfaflow-web-").FullName;
        _settings = settings;
        _environment = environment;
    }

    public string WorkflowsFolder => Path.Combine(_folder, "workflows");

    /// <summary>The user name of the fixture's user with the role.</summary>
    public static string UserNameOf(SalesRole role) => $"test-{role.ToString().ToLowerInvariant()}";

    /// <summary>Creates the users of every role and gets their tokens over HTTP.</summary>
    public async Task InitializeAsync()
    {
        foreach (var role in Enum.GetValues<SalesRole>())
        {
            await AddSalesUserAsync(UserNameOf(role), role, role is SalesRole.Admin or SalesRole.Developer ? Sales.Security.RecordScope.All : Sales.Security.RecordScope.Own);
            _tokens[role] = await TokenAsync(UserNameOf(role), Password);
        }
    }

    /// <summary>A client signed in (bearer token) as the fixture's user with the role.</summary>
    public HttpClient CreateClient(SalesRole role) => WithToken(CreateClient(), TokenOf(role));

    /// <summary>The bearer token of the fixture's user with the role (valid for hosts derived with WithWebHostBuilder too).</summary>
    public string TokenOf(SalesRole role) =>
        _tokens.TryGetValue(role, out var known) ? known : throw new InvalidOperationException("InitializeAsync has not run.");

    public static HttpClient WithToken(HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(WorkflowsFolder);
        builder.UseEnvironment(_environment);
        builder.UseSetting("SfaFlow:Data:ConnectionString", $"Data Source={Path.Combine(_folder, "sfaflow.db")};Pooling=False");
        builder.UseSetting("SfaFlow:Runtime:WorkflowsFolder", WorkflowsFolder);
        builder.UseSetting("SfaFlow:Auth:SigningKeyFile", Path.Combine(_folder, "signing-key.txt"));
        // No plugins: the host's own build puts the solution's plugins next to its binaries, not next to the tests'.
        builder.UseSetting("SfaFlow:Plugins:Folder", Path.Combine(_folder, "plugins"));
        // Everything else a host writes stays in the fixture's folder too (the default data/ folder is relative to the working
        // directory, which every host of this test run shares), and its time limits are not the machine's load to decide.
        builder.UseSetting("SfaFlow:Mail:PickupFolder", Path.Combine(_folder, "mail-pickup"));
        foreach (var (key, value) in PatientLimits.Settings)
        {
            builder.UseSetting(key, value);
        }

        // The data-protection keys (cookies, antiforgery) default to ~/.aspnet/DataProtection-Keys, shared by every host of the
        // user: this test run's, another run's, and the developer's own.
        builder.ConfigureServices(services => services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(_folder, "keys"))));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        _configure?.Invoke(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
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
    }
}
