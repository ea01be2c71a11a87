using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Workflows;

/// <summary>
/// The host publishes its workflows folder at every start; an admin's later version survives a restart (the issue: the
/// host republished <c>workflows/lead-qualification.json</c> over an admin's published v2 as v3).
/// </summary>
public sealed class WorkflowsFolderRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sfaflow-restart-").FullName;

    [Fact]
    public async Task Restart_AfterAnAdminPublishedV2_KeepsTheAdminsV2Published()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "workflows"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "workflows", "lead-qualification.json"),
            Definition("lead-qualification", [Wf.Start(), Wf.WriteLine("say", "from the file")], [Wf.Connect("start", "say")]));
        using (var first = Host())
        {
            using var admin = await AdminAsync(first);
            await admin.PutJsonAsync("/api/workflow-definitions/lead-qualification",
                Definition("lead-qualification", [Wf.Start(), Wf.WriteLine("say", "the admin's")], [Wf.Connect("start", "say")]));
            var published = await (await admin.PostJsonAsync("/api/workflow-definitions/lead-qualification/publish")).JsonAsync();
            Assert.Equal(2, published.GetProperty("version").GetInt32());
        }

        using var second = Host();
        using var client = await AdminAsync(second);
        var versions = await (await client.GetAsync("/api/workflow-definitions/lead-qualification/versions")).JsonAsync();
        var running = await (await client.GetAsync("/api/workflow-definitions/lead-qualification?published=true")).JsonAsync();

        Assert.Equal([(1, "Retired"), (2, "Published")], versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.Text("state"))));
        Assert.Equal("the admin's", running.GetProperty("definition").GetProperty("root").GetProperty("activities")[1]
            .GetProperty("text").GetProperty("expression").Text("value"));
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

    /// <summary>A host on the test's folder (database and workflows), as a restart on the same machine sees them.</summary>
    private SfaFlowApiFactory Host() => new(_folder, new Dictionary<string, string?>
    {
        ["SfaFlow:Auth:InitialAdmin:UserName"] = "root",
        ["SfaFlow:Auth:InitialAdmin:Password"] = "Root-pass-1",
    });

    private static async Task<HttpClient> AdminAsync(SfaFlowApiFactory host) =>
        SfaFlowApiFactory.WithToken(host.CreateClient(), await host.TokenAsync("root", "Root-pass-1"));
}
