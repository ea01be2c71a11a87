using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SfaFlow.Web.Tests;

/// <summary>The real host in memory, in the Testing environment, on its own temporary database and workflows folder.</summary>
public sealed class SfaFlowApiFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sfaflow-web-").FullName;

    public string WorkflowsFolder => Path.Combine(_folder, "workflows");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(WorkflowsFolder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("SfaFlow:Data:ConnectionString", $"Data Source={Path.Combine(_folder, "sfaflow.db")};Pooling=False");
        builder.UseSetting("SfaFlow:Runtime:WorkflowsFolder", WorkflowsFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
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
