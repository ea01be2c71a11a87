using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Crash;

/// <summary>
/// Record changes over HTTP reach their workflows through the outbox, and a host killed (SIGKILL) between the commit of a
/// change and the dispatch of its events loses nothing and repeats nothing: the next host on the same database starts one
/// workflow per committed lead and resumes each once when the lead was qualified.
/// </summary>
public sealed class HostCrashTests : IDisposable
{
    private const int LeadsBeforeKill = 30;
    // Generous: these wait for conditions, they do not time them. A host on a machine busy with other builds and test runs
    // has taken over a minute to migrate its database and listen.
    private static readonly TimeSpan HostStart = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(5);

    private readonly string _folder = Directory.CreateTempSubdirectory("sfaflow-crash-").FullName;

    [Theory(Timeout = 900_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HostKilledMidBurst_EveryCommittedLeadStartsItsWorkflowOnce_AndEveryQualificationResumesItOnce(bool dispatchBeforeTheCrash)
    {
        WriteWorkflow();
        var acknowledged = new ConcurrentBag<long>();
        using (var first = await HostProcess.StartAsync(Settings(dispatchBeforeTheCrash), HostStart))
        {
            // Without a dispatcher every event is committed and none dispatched when the host dies: the crash is exactly between
            // the two. With one, the host dies while dispatching: some events dispatched, some claimed, some not yet seen.
            using var client = first.Client(await TokenAsync(first));
            await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => CreateAndQualifyUntilKilledAsync(client, first, writer, acknowledged)));
        }

        using var second = await HostProcess.StartAsync(Settings(dispatchEvents: true), HostStart);
        using var admin = second.Client(await TokenAsync(second));
        var (leads, instances) = await UntilEveryLeadHasItsWorkflowAsync(admin, second);

        Assert.True(acknowledged.Count >= LeadsBeforeKill, $"Only {acknowledged.Count} leads were created before the kill.");
        Assert.Subset(leads.Keys.ToHashSet(), acknowledged.ToHashSet());
        Assert.Equal(leads.Keys.Select(id => $"lead:{id}").Order(), instances.Select(i => i.Text("correlationId")).Order());
        Assert.All(instances, instance =>
        {
            var qualified = leads[long.Parse(instance.Text("correlationId")["lead:".Length..], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(qualified ? "Finished" : "Suspended", instance.Text("subStatus"));
        });
    }

    /// <summary>Creates leads (each qualified right after) until the host has been killed; the writer that sees the 30th created kills it.</summary>
    private static async Task CreateAndQualifyUntilKilledAsync(HttpClient client, HostProcess host, int writer, ConcurrentBag<long> acknowledged)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                var created = await client.PostAsJsonAsync(new Uri("/api/leads", UriKind.Relative), new { name = $"Lead {writer}-{i}", company = "Crash Ltd" });
                var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
                acknowledged.Add(id);
                if (acknowledged.Count == LeadsBeforeKill)
                {
                    host.Kill();
                    return;
                }

                (await client.PostAsJsonAsync(new Uri($"/api/leads/{id}/qualify", UriKind.Relative), new { reason = "crash drill" })).EnsureSuccessStatusCode();
            }
            catch (HttpRequestException)
            {
                return;
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Polls (real time, generously: this waits for the dispatcher, it does not time it) until every lead the database kept
    /// has its instance, finished when the lead is qualified; returns the leads (qualified or not) and the instances.
    /// </summary>
    private static async Task<(Dictionary<long, bool> Leads, List<JsonElement> Instances)> UntilEveryLeadHasItsWorkflowAsync(HttpClient admin, HostProcess host)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var leads = (await (await admin.GetAsync("/api/leads?pageSize=500")).JsonAsync()).Items()
                .ToDictionary(l => l.GetProperty("id").GetInt64(), l => l.Text("status") == "Qualified");
            var instances = (await (await admin.GetAsync("/api/workflow-instances?definitionId=lead-follow-up&pageSize=500")).JsonAsync()).Items().ToList();
            var finished = instances.Count(i => i.Text("subStatus") == "Finished");
            if (instances.Count >= leads.Count && finished >= leads.Values.Count(q => q))
            {
                return (leads, instances);
            }

            if (waited.Elapsed > Recovery)
            {
                throw new TimeoutException($"{leads.Count} leads ({leads.Values.Count(q => q)} qualified) but {instances.Count} instances ({finished} finished) after {Recovery.TotalSeconds:0} s. Host log:\n{host.Log}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<string> TokenAsync(HostProcess host)
    {
        using var client = host.Client();
        var response = await client.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "admin", password = "Admin-pass-1" });
        return (await response.JsonAsync()).Text("token");
    }

    /// <summary>On a lead created: wait for its qualification, then keep the lead's name.</summary>
    private void WriteWorkflow()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "workflows"));
        File.WriteAllText(Path.Combine(_folder, "workflows", "lead-follow-up.json"), Definition("lead-follow-up",
            [
                Wf.Activity("created", "Elsa.Event", new() { ["eventName"] = Wf.Literal("LeadCreated") }, canStartWorkflow: true),
                Wf.Event("qualified", "LeadQualified"),
                SetVariableJs("keep", "Lead", "getOutputFrom('created').lead.name"),
            ],
            [Wf.Connect("created", "qualified"), Wf.Connect("qualified", "keep")],
            [Wf.Variable("Lead", "String")]));
    }

    private Dictionary<string, string> Settings(bool dispatchEvents) => new()
    {
        ["SfaFlow:Data:ConnectionString"] = $"Data Source={Path.Combine(_folder, "sfaflow.db")}",
        ["SfaFlow:Runtime:WorkflowsFolder"] = Path.Combine(_folder, "workflows"),
        ["SfaFlow:Auth:SigningKey"] = "crash-drill-signing-key-of-at-least-32-characters",
        ["SfaFlow:Auth:InitialAdmin:UserName"] = "admin",
        ["SfaFlow:Auth:InitialAdmin:Password"] = "Admin-pass-1",
        ["SfaFlow:Auth:InitialAdmin:DisplayName"] = "Crash Admin",
        ["SfaFlow:Outbox:RunDispatcher"] = dispatchEvents ? "true" : "false",
        // What the dead host held (outbox claims, instance leases) is taken over when it expires: seconds, not the default
        // minute; but not so few that a live host on a busy machine loses its own before it renews them.
        ["SfaFlow:Outbox:ClaimDuration"] = "00:00:15",
        ["SfaFlow:Runtime:LeaseDuration"] = "00:00:15",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A host still closing its files; the temp folder is cleaned up later.
        }
    }
}
