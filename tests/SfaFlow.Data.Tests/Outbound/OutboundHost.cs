using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Mail;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Data.Tests.Outbound;

/// <summary>
/// The sales host with the runtime, a pickup folder of its own and a rep who owns a lead: what the outbound activities
/// need to run in real workflows.
/// </summary>
public sealed class OutboundHost : IAsyncDisposable
{
    private OutboundHost(SalesHost sales, string pickupFolder)
    {
        Sales = sales;
        PickupFolder = pickupFolder;
    }

    public SalesHost Sales { get; }

    public string PickupFolder { get; }

    public WorkflowRuntime Runtime => Sales.Get<WorkflowRuntime>();

    public static async Task<OutboundHost> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var pickup = Path.Combine(Path.GetTempPath(), "sfaflow-tests", $"pickup-{Guid.NewGuid():N}");
        var sales = await SalesHost.CreateAsync(services =>
        {
            services.Configure<MailOptions>(o =>
            {
                o.PickupFolder = pickup;
                o.FromAddress = "sales@example.com";
                o.FromName = "Example Sales";
            });
            configure?.Invoke(services);
        });
        return new OutboundHost(sales, pickup);
    }

    /// <summary>A lead owned by a new rep.</summary>
    public async Task<Lead> AddLeadAsync(string name = "Ada Lovelace", string? email = "ada@example.org", long? regionId = null)
    {
        var rep = await Sales.AddUserAsync($"rep-{Guid.NewGuid():N}");
        await using var db = await Sales.OpenAsync();
        var lead = new Lead { Name = name, Email = email, Company = "Analytical Engines", OwnerId = rep.Id, RegionId = regionId };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead;
    }

    public async Task<StoredDefinition> PublishAsync(string json)
    {
        var definition = ElsaJsonReader.Read(json).GetDefinitionOrThrow();
        return (await Sales.Get<WorkflowDefinitionManager>().ImportAsync(definition, publish: true)).Definition;
    }

    public string[] PickedUpFiles() => Directory.Exists(PickupFolder) ? Directory.GetFiles(PickupFolder) : [];

    public async ValueTask DisposeAsync()
    {
        await Sales.DisposeAsync();
        if (Directory.Exists(PickupFolder))
        {
            Directory.Delete(PickupFolder, recursive: true);
        }
    }
}
