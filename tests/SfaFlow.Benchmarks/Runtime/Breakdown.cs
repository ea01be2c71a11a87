using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Benchmarks.Lead;
using SfaFlow.Data;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// Where a durable start and a resume spend their time: each step the runtime takes, timed on its own through the same
/// services (<c>runtime --breakdown</c>). The steps of one operation add up to about the whole.
/// </summary>
internal sealed class Breakdown(DurableHost host, int operations)
{
    private readonly List<(string Step, double Microseconds)> _rows = [];

    public async Task<string> RunAsync()
    {
        var engine = host.Get<WorkflowEngine>();
        var definitions = host.Get<IWorkflowDefinitionStore>();
        var store = host.Get<IWorkflowInstanceStore>();
        var contexts = host.Get<IDbContextFactory<SfaFlowDbContext>>();
        var lead = (await definitions.ListVersionsAsync(DurableHost.LeadDefinitionId)).Single().ToDefinition();
        var wait = (await definitions.ListVersionsAsync(DurableHost.WaitDefinitionId)).Single().ToDefinition();
        var leadOptions = new StartWorkflowOptions { Input = new Dictionary<string, object?> { ["lead"] = LeadScenario.CreateInput() } };

        await TimeAsync("Start: resolve the published version (ListVersionStatesAsync: ids and states; the JSON is cached)", _ => definitions.ListVersionStatesAsync(DurableHost.LeadDefinitionId));
        var runs = new WorkflowInstance[operations];
        await TimeAsync("Start: run the flowchart in memory (engine)", async i => runs[i] = await engine.StartAsync(lead, leadOptions));
        var json = "";
        await TimeAsync("Start: serialize the state JSON", i => Task.FromResult(json = WorkflowInstanceSerializer.Serialize(runs[i])));
        await TimeAsync("Start: open a pooled connection (context, PRAGMAs) and close it", async _ =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
        });
        await TimeAsync("Start: insert the instance (1 transaction: open, serialize, INSERT, COMMIT)", i => store.InsertAsync(runs[i], lease: null, occurrence: null));

        // The same row written by plain ADO.NET on one open connection, and a tiny row in the same database: what the
        // schema itself costs per commit, without the store's per-operation overhead.
        using (var raw = new SqliteConnection(host.ConnectionString))
        {
            raw.Open();
            RawCommitProbe.Execute(raw, $"PRAGMA synchronous={host.Synchronous};");
            var rows = new InstanceRows(raw);
            await TimeAsync("Start, for comparison: INSERT the same row with plain ADO.NET (1 commit)", i =>
            {
                rows.Insert(runs[i], Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, correlationId: null);
                return Task.CompletedTask;
            });
            RawCommitProbe.Execute(raw, "CREATE TABLE IF NOT EXISTS tiny (id INTEGER PRIMARY KEY, v TEXT NOT NULL);");
            await TimeAsync("Start, for comparison: INSERT a tiny row with plain ADO.NET (1 commit)", _ =>
            {
                RawCommitProbe.Execute(raw, "INSERT INTO tiny (v) VALUES ('x');");
                return Task.CompletedTask;
            });
        }

        var waiting = new WorkflowInstance[operations];
        for (var i = 0; i < operations; i++)
        {
            waiting[i] = await engine.StartAsync(wait, new StartWorkflowOptions());
            await store.InsertAsync(waiting[i], lease: null, occurrence: null);
        }

        var leases = new Lease[operations];
        var claimed = new StoredInstance[operations];
        await TimeAsync("Resume: find the bookmark (SELECT)", i => store.FindBookmarkAsync(waiting[i].Bookmarks[0].Id));
        await TimeAsync("Resume: take the lease (UPDATE ... RETURNING state, 1 commit) and deserialize", async i =>
        {
            leases[i] = new Lease("breakdown", DateTimeOffset.UtcNow.AddMinutes(1));
            claimed[i] = (await store.TryClaimAsync(waiting[i].Id, leases[i], new RuntimeStimulus(RuntimeStimulus.Resume, waiting[i].Bookmarks[0].Id))).Stored!;
        });
        await TimeAsync("Resume: run in memory (engine)", i => engine.ResumeAsync(wait, claimed[i].Instance, claimed[i].Instance.Bookmarks[0].Id, true));
        await TimeAsync("Resume: save and release (UPDATE, DELETE bookmarks, 1 commit)", i => store.SaveAsync(claimed[i].Instance, leases[i], release: true));

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Step (state JSON of a finished lead instance: {Encoding.UTF8.GetByteCount(json):N0} bytes) | Mean per operation |");
        text.AppendLine("|---|---:|");
        foreach (var (step, microseconds) in _rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {microseconds:N0} us |");
        }

        return text.ToString();
    }

    private async Task TimeAsync(string step, Func<int, Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < operations; i++)
        {
            await operation(i);
        }

        _rows.Add((step, Stopwatch.GetElapsedTime(started).TotalMicroseconds / operations));
    }
}
