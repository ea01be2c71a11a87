using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Sales.Workflows.Http;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Outbound;

/// <summary>Sfa.HttpRequest against a real listener on 127.0.0.1: retries, outcomes, timeouts and the private-address guard.</summary>
public sealed class HttpRequestTests
{
    private static JsonObject Request(string url, string? body = null, string timeout = "00:00:05", int retries = 3) =>
        Activity("call", "Sfa.HttpRequest", new JsonObject
        {
            ["url"] = Literal(url),
            ["method"] = Literal("POST"),
            ["headers"] = Literal("""{"X-Source": "sfaflow"}"""),
            ["body"] = body is null ? null : Js(body),
            ["timeout"] = Literal(timeout, "TimeSpan"),
            ["retries"] = Literal(retries, "Int32"),
            ["retryDelay"] = Literal("00:00:00.010", "TimeSpan"),
        });

    private static string Workflow(JsonObject request) =>
        Json([request, WriteLine("ok", "ok"), WriteLine("failed", "failed")], [Connect("call", "ok", "Success"), Connect("call", "failed", "Failed")]);

    private static Task<OutboundHost> HostAsync(bool allowLoopback) => OutboundHost.CreateAsync(services =>
        services.Configure<OutboundHttpOptions>(o => o.AllowPrivateNetworks = allowLoopback));

    [Fact]
    public async Task HttpRequest_RetriesA503_ThenSucceedsWithTheJsonAnswer()
    {
        await using var server = new LocalHttpServer(new(503, "busy", TimeSpan.Zero), new(200, """{"accepted": true, "id": 7}""", TimeSpan.Zero));
        await using var host = await HostAsync(allowLoopback: true);
        await host.PublishAsync(Workflow(Request($"http://127.0.0.1:{server.Port}/hook", "({ lead: 'Ada', n: 1 + 1 })")));

        var instance = await host.Runtime.StartAsync("test", new StartRequest());

        Assert.Empty(instance.Incidents);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        var outputs = instance.ActivityOutputs["call"];
        Assert.Equal(200, Convert.ToInt32(outputs["statusCode"], System.Globalization.CultureInfo.InvariantCulture));
        var json = Assert.IsType<JsonObject>(outputs["responseJson"]);
        Assert.True(json["accepted"]!.GetValue<bool>());
        Assert.Contains(instance.Journal, j => j.ActivityId == "ok");
        Assert.DoesNotContain(instance.Journal, j => j.ActivityId == "failed");
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal("""{"lead":"Ada","n":2}""", r.Body));
        Assert.All(requests, r => Assert.Equal("sfaflow", r.Headers["X-Source"]));
        Assert.Single(requests.Select(r => r.Headers["Idempotency-Key"]).Distinct());
        Assert.StartsWith(instance.Id, requests[0].Headers["Idempotency-Key"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpRequest_ServerErrorsUntilRetriesRunOut_IsFailed()
    {
        await using var server = new LocalHttpServer(new LocalHttpServer.Answer(500, "down", TimeSpan.Zero));
        await using var host = await HostAsync(allowLoopback: true);
        await host.PublishAsync(Workflow(Request($"http://127.0.0.1:{server.Port}/hook", retries: 2)));

        var instance = await host.Runtime.StartAsync("test", new StartRequest());

        Assert.Equal(3, server.Requests.Count);
        Assert.Contains(instance.Journal, j => j.ActivityId == "failed");
        Assert.Equal("down", instance.ActivityOutputs["call"]["responseBody"]);
    }

    [Fact]
    public async Task HttpRequest_NoAnswerWithinTheTimeout_IsFailedWithTheReason()
    {
        await using var server = new LocalHttpServer(new LocalHttpServer.Answer(200, "{}", TimeSpan.FromSeconds(5)));
        await using var host = await HostAsync(allowLoopback: true);
        await host.PublishAsync(Workflow(Request($"http://127.0.0.1:{server.Port}/slow", timeout: "00:00:00.200", retries: 0)));

        var instance = await host.Runtime.StartAsync("test", new StartRequest());

        Assert.Contains(instance.Journal, j => j.ActivityId == "failed");
        Assert.Equal(0, Convert.ToInt32(instance.ActivityOutputs["call"]["statusCode"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("No answer within", (string?)instance.ActivityOutputs["call"]["error"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task HttpRequest_ToALoopbackAddressByDefault_IsRefusedAsAnIncident(string host)
    {
        await using var server = new LocalHttpServer();
        await using var outbound = await HostAsync(allowLoopback: false);
        await outbound.PublishAsync(Workflow(Request($"http://{host}:{server.Port}/hook")));

        var instance = await outbound.Runtime.StartAsync("test", new StartRequest());

        var incident = Assert.Single(instance.Incidents);
        Assert.Contains("SfaFlow:Http:AllowedHosts", incident.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task HttpRequest_ToAnAllowedHost_IsSentThoughItIsLoopback()
    {
        await using var server = new LocalHttpServer();
        await using var host = await OutboundHost.CreateAsync(services => services.Configure<OutboundHttpOptions>(o => o.AllowedHosts.Add("LOCALHOST")));
        await host.PublishAsync(Workflow(Request($"http://localhost:{server.Port}/hook")));

        var instance = await host.Runtime.StartAsync("test", new StartRequest());

        Assert.Contains(instance.Journal, j => j.ActivityId == "ok");
    }

    [Theory]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void NetworkAddresses_TellPublicFromInternal(string address, bool isPublic) =>
        Assert.Equal(isPublic, NetworkAddresses.IsPublic(System.Net.IPAddress.Parse(address)));
}
