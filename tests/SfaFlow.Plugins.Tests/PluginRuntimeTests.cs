using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SfaFlow.Plugins.Events;
using SfaFlow.Plugins.Operations;
using SfaFlow.Plugins.Tests.Support;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Plugins;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Plugins.Tests;

/// <summary>Listeners, operations and hot reload of a loaded plugin.</summary>
public sealed class PluginRuntimeTests
{
    [Fact]
    public async Task Deliver_ListenerFailsOnce_IsRetriedAndSeesTheEvent()
    {
        using var host = new PluginTestHost(o => o.ListenerRetryDelay = TimeSpan.FromSeconds(1));
        host.Add();
        host.Plugins.LoadAll();
        var delivery = host.Engine.Services.GetRequiredService<PluginEventDelivery>();
        var store = host.Engine.Services.GetRequiredService<IPluginDeliveryStore>();
        var won = new DomainEvent("e1", "OpportunityWon", "opportunity:7", new Dictionary<string, object?> { ["amount"] = 5000.0, ["failOnce"] = true }, DateTimeOffset.UnixEpoch);
        var other = new DomainEvent("e2", "LeadCreated", "lead:1", new Dictionary<string, object?>(), DateTimeOffset.UnixEpoch);

        await delivery.OnCommittedAsync(won, CancellationToken.None);
        await delivery.OnCommittedAsync(other, CancellationToken.None);
        await delivery.OnCommittedAsync(won, CancellationToken.None);
        var first = await delivery.DeliverDueAsync();
        var beforeTheRetry = await delivery.DeliverDueAsync();
        host.Engine.Clock.Advance(TimeSpan.FromSeconds(1));
        var retry = await delivery.DeliverDueAsync();

        Assert.Equal((1, 0, 1), (first, beforeTheRetry, retry));
        Assert.Equal(["failed:e1", "OpportunityWon:e1:5000"], host.HostServices.Sink);
        var status = Assert.Single(await store.FindAsync("e1"));
        Assert.Equal(("Good", "SfaFlow.TestPlugins.Good.WonListener", 2), (status.PluginId, status.Listener, status.Attempts));
        Assert.NotNull(status.DeliveredAt);
        Assert.Contains("Transient failure.", status.LastError, StringComparison.Ordinal);
        Assert.Empty(await store.FindAsync("e2"));
    }

    [Fact]
    public async Task Deliver_PluginNotLoaded_WaitsForItInsteadOfDroppingTheEvent()
    {
        using var host = new PluginTestHost(o => (o.ListenerRetryDelay, o.ListenerMaxAttempts) = (TimeSpan.FromSeconds(1), 3));
        var folder = host.Add();
        host.Plugins.LoadAll();
        var delivery = host.Engine.Services.GetRequiredService<PluginEventDelivery>();
        var store = host.Engine.Services.GetRequiredService<IPluginDeliveryStore>();
        var won = new DomainEvent("e1", "OpportunityWon", "opportunity:7", new Dictionary<string, object?> { ["amount"] = 10.0 }, DateTimeOffset.UnixEpoch);

        await delivery.OnCommittedAsync(won, CancellationToken.None);
        host.Plugins.Unload(folder);
        await delivery.DeliverDueAsync();
        var waiting = Assert.Single(await store.FindAsync("e1"));
        host.Plugins.Load(folder);
        host.Engine.Clock.Advance(TimeSpan.FromSeconds(1));
        await delivery.DeliverDueAsync();

        Assert.Equal((1, (DateTimeOffset?)null), (waiting.Attempts, waiting.GaveUpAt));
        Assert.Contains("not loaded", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(["OpportunityWon:e1:10"], host.HostServices.Sink);
        Assert.NotNull(Assert.Single(await store.FindAsync("e1")).DeliveredAt);
    }

    [Fact]
    public async Task Loop_EventCommittedWhileItRuns_IsDeliveredWithoutAPoll()
    {
        using var host = new PluginTestHost();
        host.Add();
        host.Plugins.LoadAll();
        var delivery = host.Engine.Services.GetRequiredService<PluginEventDelivery>();
        var won = new DomainEvent("e1", "OpportunityWon", "opportunity:7", new Dictionary<string, object?> { ["amount"] = 1.0 }, DateTimeOffset.UnixEpoch);

        await delivery.StartAsync(CancellationToken.None);
        try
        {
            // The fake clock never moves: only the wake-up of the commit can start the delivery.
            await delivery.OnCommittedAsync(won, CancellationToken.None);
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (host.HostServices.Sink.IsEmpty)
            {
                await Task.Delay(10, patience.Token);
            }
        }
        finally
        {
            await delivery.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["OpportunityWon:e1:1"], host.HostServices.Sink);
    }

    [Fact]
    public async Task Operation_RunsForTheUserAndSerializesItsResult()
    {
        using var host = new PluginTestHost();
        host.Add();
        host.Plugins.LoadAll();
        using var body = JsonDocument.Parse("""{"amount": 600}""");

        var json = await host.Plugins.InvokeOperationAsync("Good", "evaluate", body.RootElement, "alice");

        Assert.Equal("""{"value":0.6,"version":"v1 for alice"}""", json);
    }

    [Fact]
    public async Task Operation_BadInputMissingRecordOrUnknownName_AreToldApart()
    {
        using var host = new PluginTestHost();
        host.Add();
        host.Plugins.LoadAll();
        using var bad = JsonDocument.Parse("""{"amount": "lots"}""");
        using var negative = JsonDocument.Parse("""{"amount": -1}""");

        var invalid = await Assert.ThrowsAsync<PluginInputException>(() => host.Plugins.InvokeOperationAsync("Good", "evaluate", bad.RootElement, "alice"));
        Assert.Equal("amount", invalid.Path);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => host.Plugins.InvokeOperationAsync("Good", "evaluate", negative.RootElement, "alice"));
        Assert.Null(await host.Plugins.InvokeOperationAsync("Good", "nothing", bad.RootElement, "alice"));
        Assert.Null(await host.Plugins.InvokeOperationAsync("Missing", "evaluate", bad.RootElement, "alice"));
    }

    [Fact]
    public async Task HotReload_ReplacingThePluginFiles_ResumesWaitingInstancesOnTheNewVersion()
    {
        using var host = new PluginTestHost(o => (o.HotReload, o.HotReloadDelay) = (true, TimeSpan.FromMilliseconds(200)));
        var folder = host.Add(name: "Good");
        host.Plugins.LoadAll();
        var definition = Definition([Start(), Activity("wait", "Good.WaitForApproval"), WriteLine("done", "approved")],
            [Connect("start", "wait"), Connect("wait", "done", "Approved")]);
        var waiting = await host.Engine.StartAsync(definition);
        Assert.Equal(WorkflowSubStatus.Suspended, waiting.SubStatus);

        using var reload = new PluginHotReload(host.Plugins, new DevelopmentEnvironment(), TimeProvider.System, NullLogger<PluginHotReload>.Instance);
        using var stop = new CancellationTokenSource();
        await reload.StartAsync(stop.Token);
        PluginTestHost.CopyInto(Path.Combine(PluginTestHost.BuiltPlugins, "GoodPluginV2"), folder);
        // Waits for the load of every copied file: on a busy machine the copy can pause longer than the quiet delay, and a
        // reload of a half-copied folder already says 2.0.0 (its plugin.json) while it runs the old dll.
        var copied = PluginHash.Compute(folder);
        using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while (host.Plugins.Catalog.Find("Good")?.Hash != copied)
            {
                await Task.Delay(50, patience.Token);
            }
        }

        await reload.StopAsync(CancellationToken.None);
        Assert.Equal("2.0.0", host.Plugins.Catalog.Find("Good")?.Version);
        var resumed = await host.Engine.Engine.ResumeAsync(definition, waiting, Assert.Single(waiting.Bookmarks).Id);

        Assert.Equal(WorkflowSubStatus.Finished, resumed.SubStatus);
        Assert.Equal(("v1", "v2"), (resumed.Output["waitedWith"], resumed.Output["resumedWith"]));
        Assert.Equal(["approved"], host.Engine.Lines.Lines);
    }

    private sealed class DevelopmentEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "SfaFlow.Plugins.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
