using SfaFlow.Web;
using SfaFlow.Web.Demo;

// The repository's root appsettings.json is copied next to the binaries; make that folder the content root so that
// `dotnet run --project src/SfaFlow.Web` and a published build read the same file.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = DemoCommandLine.Translate(args), ContentRootPath = AppContext.BaseDirectory });
builder.AddSfaFlow();

var app = builder.Build();
app.MapSfaFlow();
app.Run();

/// <summary>The host's entry point; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
