using System.Text.Json.Nodes;
using SfaFlow.Plugins.Tests.Support;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Plugins;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Plugins.Tests;

/// <summary>Each way a plugin can be broken leaves it failed with a reason, takes back what it registered, and spares the rest.</summary>
public sealed class PluginFaultTests
{
    public static TheoryData<string, PluginFailure, string> Breakages => new()
    {
        { "bad-json", PluginFailure.BadManifest, "not valid JSON" },
        { "missing-name", PluginFailure.BadManifest, "field 'name' is missing" },
        { "bad-id", PluginFailure.BadManifest, "field 'id' must be an identifier" },
        { "missing-entry-assembly", PluginFailure.BadManifest, "field 'entryAssembly' names 'Nowhere.dll'" },
        { "abi-major", PluginFailure.AbiMismatch, "built for SDK ABI 2.0" },
        { "abi-newer-minor", PluginFailure.AbiMismatch, "built for SDK ABI 1.9" },
        { "missing-dependency", PluginFailure.MissingDependency, "SfaFlow.TestPlugins.Helper" },
        { "no-entry-type", PluginFailure.EntryTypeMissing, "has several ISfaFlowPlugin classes" },
        { "configure-throws", PluginFailure.ConfigureServicesFailed, "No licence key configured." },
        { "register-throws", PluginFailure.RegisterFailed, "Register blew up half-way." },
        { "constructor-throws", PluginFailure.ConstructorFailed, "the constructor of SfaFlow.TestPlugins.Good.ThrowingConstructorPlugin threw InvalidOperationException: The licence server is unreachable." },
        { "activity-constructor-throws", PluginFailure.RegisterFailed, "Register threw: NotSupportedException: Exploding needs a GPU." },
        { "activity-static-initializer-throws", PluginFailure.RegisterFailed, "Register threw: InvalidOperationException: No scoring endpoint is configured." },
        { "unprefixed", PluginFailure.InvalidContribution, "must start with 'Broken.'" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task Load_BrokenPlugin_FailsWithReasonAndOthersKeepWorking(string breakage, PluginFailure expected, string reason)
    {
        using var host = new PluginTestHost();
        host.Add();
        Break(host, breakage);

        var infos = host.Plugins.LoadAll();

        var broken = Assert.Single(infos, i => i.Folder.EndsWith("Broken", StringComparison.Ordinal));
        Assert.Equal((PluginState.Failed, expected), (broken.State, broken.Failure));
        Assert.Contains(reason, broken.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Loaded, host.Plugins.Catalog.Find("Good")!.State);
        var definition = Definition([Start(), Activity("score", "Good.Score", new() { ["amount"] = Literal(10, "Double") })], [Connect("start", "score")]);
        Assert.Equal(WorkflowSubStatus.Finished, (await host.Engine.StartAsync(definition)).SubStatus);
    }

    [Fact]
    public void Load_ConstructorThrows_ReportsThePluginsOwnExceptionAndStack_InTheInfoAndTheLog()
    {
        using var host = new PluginTestHost();
        host.Add(manifest: m => m["entryType"] = "SfaFlow.TestPlugins.Good.ThrowingConstructorPlugin");

        var info = Assert.Single(host.Plugins.LoadAll());

        Assert.Equal((PluginState.Failed, PluginFailure.ConstructorFailed), (info.State, info.Failure));
        Assert.DoesNotContain("TargetInvocationException", info.Reason, StringComparison.Ordinal);
        Assert.StartsWith("System.InvalidOperationException: The licence server is unreachable.", info.Detail, StringComparison.Ordinal);
        Assert.Contains("LicenceCheck.Verify()", info.Detail, StringComparison.Ordinal);
        Assert.Contains("ThrowingConstructorPlugin..ctor()", info.Detail, StringComparison.Ordinal);
        var logged = Assert.Single(host.Log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains(info.Reason!, logged.Message, StringComparison.Ordinal);
        Assert.Contains("LicenceCheck.Verify()", logged.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HostRefusal_HasAReasonButNoStack()
    {
        using var host = new PluginTestHost();
        host.Add(manifest: m => m["abiVersion"] = "2.0");

        var info = Assert.Single(host.Plugins.LoadAll());

        Assert.Equal(PluginFailure.AbiMismatch, info.Failure);
        Assert.Null(info.Detail);
    }

    [Fact]
    public void Load_HashNotAllowed_IsRefusedAndTheAllowedHashLoads()
    {
        using var probe = new PluginTestHost();
        var allowed = PluginHash.Compute(probe.Add());
        using var host = new PluginTestHost(o => o.AllowedHashes.Add(allowed.ToUpperInvariant()));
        host.Add();
        host.Add(name: "Tampered", manifest: m => (m["id"], m["description"]) = ("Tampered", "changed"));

        var infos = host.Plugins.LoadAll();

        Assert.Equal(PluginState.Loaded, Assert.Single(infos, i => i.Id == "Good").State);
        var tampered = Assert.Single(infos, i => i.Id == "Tampered");
        Assert.Equal(PluginFailure.HashNotAllowed, tampered.Failure);
        Assert.Contains(tampered.Hash!, tampered.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SfaFlow.TestPlugins.Good.ThrowingRegisterPlugin")]
    [InlineData("SfaFlow.TestPlugins.Good.DuplicatePlugin")]
    public void Load_FailingHalfWay_LeavesNothingRegistered(string entryType)
    {
        using var host = new PluginTestHost();
        host.Add(manifest: m => m["entryType"] = entryType);

        var info = Assert.Single(host.Plugins.LoadAll());

        Assert.Equal(PluginState.Failed, info.State);
        Assert.Null(host.Engine.Engine.Activities.Find("Good.Score"));
        Assert.Null(host.Plugins.Find("Good"));
    }

    [Fact]
    public async Task Run_PluginActivityThrows_BecomesAnIncidentOnItsInstance()
    {
        using var host = new PluginTestHost();
        host.Add();
        host.Plugins.LoadAll();
        var definition = Definition([Start(), Activity("fail", "Good.Fail"), WriteLine("after", "after")], [Connect("start", "fail"), Connect("fail", "after")]);

        var instance = await host.Engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(("fail", "Good.Fail", "The scoring service is unavailable."), (incident.ActivityId, incident.ActivityType, incident.Message));
        Assert.Empty(host.Engine.Lines.Lines);
    }

    [Fact]
    public async Task Run_PluginActivityHangs_IsAbandonedAtItsDeadlineAsAnIncident()
    {
        using var host = new PluginTestHost(o => o.ActivityTimeout = TimeSpan.FromMilliseconds(300));
        host.Add();
        host.Plugins.LoadAll();
        var definition = Definition([Start(), Activity("hang", "Good.Hang"), WriteLine("after", "after")], [Connect("start", "hang"), Connect("hang", "after")]);

        var instance = await host.Engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("Good.Hang", incident.ActivityType);
        Assert.Contains("did not finish within 0.3 s", incident.Message, StringComparison.Ordinal);
        Assert.Empty(host.Engine.Lines.Lines);
    }

    private static void Break(PluginTestHost host, string breakage)
    {
        void Manifest(Action<JsonObject> change) => host.Add(name: "Broken", manifest: m =>
        {
            m["id"] = "Broken";
            change(m);
        });

        switch (breakage)
        {
            case "bad-json":
                File.WriteAllText(Path.Combine(host.Add(name: "Broken"), "plugin.json"), "{ \"id\": \"Broken\", ");
                break;
            case "missing-name":
                Manifest(m => m.Remove("name"));
                break;
            case "bad-id":
                Manifest(m => m["id"] = "not an id");
                break;
            case "missing-entry-assembly":
                Manifest(m => m["entryAssembly"] = "Nowhere.dll");
                break;
            case "abi-major":
                Manifest(m => m["abiVersion"] = "2.0");
                break;
            case "abi-newer-minor":
                Manifest(m => m["abiVersion"] = "1.9");
                break;
            case "missing-dependency":
                Manifest(m => m["entryType"] = "SfaFlow.TestPlugins.Good.GoodPlugin");
                File.Delete(Path.Combine(host.Folder, "Broken", "SfaFlow.TestPlugins.Helper.dll"));
                break;
            case "no-entry-type":
                Manifest(m => m.Remove("entryType"));
                break;
            case "configure-throws":
                Manifest(m => m["entryType"] = "SfaFlow.TestPlugins.Good.ThrowingConfigurePlugin");
                break;
            case "register-throws":
                Manifest(m => m["entryType"] = "SfaFlow.TestPlugins.Good.ThrowingRegisterPlugin");
                break;
            case "constructor-throws":
                Manifest(m => m["entryType"] = "SfaFlow.TestPlugins.Good.ThrowingConstructorPlugin");
                break;
            case "activity-constructor-throws":
                Manifest(m => m["entryType"] = "SfaFlow.TestPlugins.Good.ThrowingActivityPlugin");
                break;
            case "activity-static-initializer-throws":
                Manifest(m => m["entryType"] = "SfaFlow.TestPlugins.Good.ThrowingStaticActivityPlugin");
                break;
            case "unprefixed":
                Manifest(m => m["entryType"] = "SfaFlow.TestPlugins.Good.UnprefixedPlugin");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
