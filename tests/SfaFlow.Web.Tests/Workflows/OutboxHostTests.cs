using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SfaFlow.Data;
using SfaFlow.Data.Outbox;
using SfaFlow.Plugins.Events;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Workflows;

/// <summary>The host runs the outbox dispatcher: an event committed with a record change reaches the workflows.</summary>
public sealed class OutboxHostTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(SalesRole.Admin);

    [Fact(Timeout = 600_000)]
    public async Task DomainEvent_CommittedInTheHost_StartsTheWorkflowItTriggers()
    {
        var eventName = UniqueId("LeadCreated");
        var id = UniqueId("on-lead");
        await (await _client.PostJsonAsync("/api/workflow-definitions/import", Definition(id,
            [Wf.Activity("created", "Elsa.Event", new() { ["eventName"] = Wf.Literal(eventName) }, canStartWorkflow: true), SetVariableJs("keep", "Lead", "getOutputFrom('created').name")],
            [Wf.Connect("created", "keep")],
            [Wf.Variable("Lead", "String")]))).JsonAsync();

        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<SfaFlowDbContext>>().CreateDbContextAsync())
        {
            db.AddDomainEvent(DomainEvent.Create(eventName, "lead:42", new Dictionary<string, object?> { ["name"] = "Ada" }, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var started = await UntilStartedAsync(id);
        Assert.Equal(("lead:42", "Finished"), (started.Text("correlationId"), started.Text("subStatus")));
        var instance = await (await _client.GetAsync($"/api/workflow-instances/{started.Text("id")}")).JsonAsync();
        Assert.Equal("Ada", instance.GetProperty("variables").Text("Lead"));
    }

    [Fact]
    public void Options_ThatTheDispatcherCannotWorkWith_StopTheHostAtStartup()
    {
        using var misconfigured = factory.WithWebHostBuilder(builder => builder.UseSetting("SfaFlow:Outbox:BatchSize", "0"));

        var refused = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains("SfaFlow:Outbox: BatchSize", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Polls the instance list (real time, generously: this waits for the dispatcher, it does not time it).</summary>
    private async Task<System.Text.Json.JsonElement> UntilStartedAsync(string definitionId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var page = await (await _client.GetAsync($"/api/workflow-instances?definitionId={definitionId}")).JsonAsync();
            if (page.Items().FirstOrDefault() is { ValueKind: System.Text.Json.JsonValueKind.Object } instance && instance.Text("subStatus") == "Finished")
            {
                return instance;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
