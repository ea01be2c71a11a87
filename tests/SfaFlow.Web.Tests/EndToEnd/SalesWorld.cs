using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.EndToEnd;

/// <summary>
/// One real host for an end-to-end story: its own database, the repository's workflow files named (published at
/// startup as in production), the mail pickup folder in a temporary folder, the real outbox dispatcher and scheduler,
/// and the whole host on a fake clock. The org is set up over the API; time moves only when the test says so.
/// <para>
/// The scheduler polls on the host's clock (a periodic timer), so it ticks only when the fake clock passes a poll
/// interval: the world sets the interval to a minute, and <see cref="UntilAsync"/> nudges the clock by one interval
/// now and then while it waits for state to appear. Waits poll with a generous timeout; nothing is timed.
/// </para>
/// </summary>
internal sealed class SalesWorld : IAsyncDisposable
{
    /// <summary>How far apart the scheduler's passes are, in fake time.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string _folder;

    private SalesWorld(string folder, FakeTimeProvider clock, SfaFlowApiFactory factory)
    {
        (_folder, Clock, Factory) = (folder, clock, factory);
        Admin = factory.CreateClient(SalesRole.Admin);
    }

    public FakeTimeProvider Clock { get; }

    public SfaFlowApiFactory Factory { get; }

    /// <summary>The fixture's admin (scope all), who also reads workflow instances.</summary>
    public HttpClient Admin { get; }

    /// <summary>Monday 08:00 UTC when the world starts (business days: Monday to Friday, no holidays, UTC).</summary>
    public DateTimeOffset Start { get; private set; }

    public string PickupFolder => Path.Combine(_folder, "mail-pickup");

    /// <summary>
    /// Starts the host on the given files of the repository's <c>workflows/</c> folder. The clock starts on a Monday at
    /// 08:00 UTC no later than now: bearer tokens are issued on the fake clock but may be checked against the real one.
    /// </summary>
    public static async Task<SalesWorld> StartAsync(params string[] workflowFiles)
    {
        var folder = Directory.CreateTempSubdirectory("sfaflow-e2e-").FullName;
        var workflows = Path.Combine(folder, "workflows");
        Directory.CreateDirectory(workflows);
        foreach (var file in workflowFiles)
        {
            File.Copy(Path.Combine(RepositoryWorkflows, file), Path.Combine(workflows, file));
        }

        var start = MondayMorningNoLaterThan(DateTimeOffset.UtcNow);
        var clock = new FakeTimeProvider(start);
        var settings = new Dictionary<string, string?>
        {
            ["SfaFlow:Mail:PickupFolder"] = Path.Combine(folder, "mail-pickup"),
            ["SfaFlow:Runtime:PollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["SfaFlow:Runtime:RunScheduler"] = "true",
            ["SfaFlow:Outbox:RunDispatcher"] = "true",
            ["SfaFlow:Auth:TokenLifetime"] = "400.00:00:00",
            ["SfaFlow:Calendar:TimeZone"] = "UTC",
        };
        var factory = new SfaFlowApiFactory(folder, settings, configure: builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        await factory.InitializeAsync();
        return new SalesWorld(folder, clock, factory) { Start = start };
    }

    /// <summary>The repository's <c>workflows/</c> folder (found by walking up to SfaFlow.sln).</summary>
    public static string RepositoryWorkflows
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SfaFlow.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException($"SfaFlow.sln not found above {AppContext.BaseDirectory}."), "workflows");
        }
    }

    /// <summary>The start's business day <paramref name="day"/> (day 1 is the start) at the given UTC time.</summary>
    public DateTimeOffset BusinessDay(int day, int hour, int minute = 0)
    {
        var date = Start.Date;
        for (var left = day - 1; left > 0; left--)
        {
            date = date.AddDays(1);
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                date = date.AddDays(1);
            }
        }

        return new DateTimeOffset(date.AddHours(hour).AddMinutes(minute), TimeSpan.Zero);
    }

    // Org set-up over the API.

    public async Task<long> AddRegionAsync(string name, long? parentId = null) =>
        (await (await Admin.PostJsonAsync("/api/regions", JsonSerializer.Serialize(new { name, parentId }))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>A sales user created by the admin over the API (with their regions), and a client signed in as them.</summary>
    public Task<(long Id, HttpClient Client)> AddUserAsync(string userName, SalesRole role = SalesRole.Rep, RecordScope scope = RecordScope.Own, params long[] regionIds) =>
        AddUserAsync(userName, userName, role, scope, regionIds);

    /// <summary>A sales user with a display name of their own (what workflows write in subjects and notes).</summary>
    public async Task<(long Id, HttpClient Client)> AddUserAsync(string userName, string displayName, SalesRole role, RecordScope scope, params long[] regionIds)
    {
        var body = JsonSerializer.Serialize(new { userName, displayName, role = role.ToString(), scope = scope.ToString(), regionIds });
        var user = await (await Admin.PostJsonAsync("/api/users", body)).JsonAsync(HttpStatusCode.Created);
        await Factory.Service<IUserAccounts>().EnsureAsync(userName, SfaFlowApiFactory.Password);
        var client = SfaFlowApiFactory.WithToken(Factory.CreateClient(), await Factory.TokenAsync(userName, SfaFlowApiFactory.Password));
        return (user.GetProperty("id").GetInt64(), client);
    }

    /// <summary>A pipeline with open stages in order (the last ones given may carry a gate), then Won and Lost.</summary>
    public Task<JsonElement> AddPipelineAsync(string name, params (string Name, string? Gate, string? GateMessage)[] openStages) =>
        PostPipelineAsync(name, openStages.Select((s, i) => (object)new
        {
            name = s.Name, defaultProbability = 10 + (i * 20), forecastCategory = "Pipeline", gateCondition = s.Gate, gateMessage = s.GateMessage,
        }));

    /// <summary>A pipeline with open stages in order, each with its stall threshold in days (null: never stalled), then Won and Lost.</summary>
    public Task<JsonElement> AddPipelineWithStallThresholdsAsync(string name, params (string Name, int? StallThresholdDays)[] openStages) =>
        PostPipelineAsync(name, openStages.Select((s, i) => (object)new
        {
            name = s.Name, defaultProbability = 10 + (i * 20), forecastCategory = "Pipeline", stallThresholdDays = s.StallThresholdDays,
        }));

    private async Task<JsonElement> PostPipelineAsync(string name, IEnumerable<object> openStages)
    {
        var stages = openStages.Concat([
            new { name = "Won", defaultProbability = 100, forecastCategory = "Closed", isWon = true },
            new { name = "Lost", defaultProbability = 0, forecastCategory = "Omitted", isLost = true },
        ]);
        return await (await Admin.PostJsonAsync("/api/pipelines", JsonSerializer.Serialize(new { name, stages }))).JsonAsync(HttpStatusCode.Created);
    }

    public static long StageId(JsonElement pipeline, string stage) =>
        pipeline.Items("stages").Single(s => s.Text("name") == stage).GetProperty("id").GetInt64();

    // Time.

    /// <summary>Moves the clock forward to <paramref name="moment"/> (timers due by then fire on the scheduler's next passes).</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        var step = moment - Clock.GetUtcNow();
        Assert.True(step >= TimeSpan.Zero, $"The clock is at {Clock.GetUtcNow():O}, past {moment:O}.");
        Clock.Advance(step);
    }

    /// <summary>
    /// Polls <paramref name="done"/> until it holds (real time, generously: this waits for the host's background work, it
    /// does not time it). Every few polls the fake clock moves one poll interval so that the scheduler passes.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        ArgumentNullException.ThrowIfNull(done);
        using var timeout = new CancellationTokenSource(Patience);
        for (var attempt = 1; !await done(); attempt++)
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting for {what} (the clock is at {Clock.GetUtcNow():O}).");
            }

            if (attempt % 5 == 0)
            {
                Clock.Advance(PollInterval);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    // API state.

    /// <summary>The caller's planned tasks (<c>GET /api/tasks/mine</c>: overdue, today and upcoming alike).</summary>
    public static async Task<List<JsonElement>> MyTasksAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var mine = await (await client.GetAsync("/api/tasks/mine")).JsonAsync();
        return [.. mine.Items("overdue"), .. mine.Items("today"), .. mine.Items("upcoming")];
    }

    /// <summary>Waits until the caller has a planned task with the subject on the lead (or deal), and gives it.</summary>
    public async Task<JsonElement> UntilTaskAsync(HttpClient client, string subject, string recordField, long recordId)
    {
        List<JsonElement> found = [];
        await UntilAsync(async () => (found = [.. (await MyTasksAsync(client)).Where(t => t.Text("subject") == subject && IdOf(t, recordField) == recordId)]).Count > 0,
            $"the task '{subject}' on {recordField} {recordId}");
        return Assert.Single(found);
    }

    /// <summary>A numeric id field, null when it is null.</summary>
    public static long? IdOf(JsonElement element, string field) =>
        element.GetProperty(field) is { ValueKind: JsonValueKind.Number } id ? id.GetInt64() : null;

    /// <summary>The instances of a definition correlated to the record (<c>lead:42</c>), as the admin reads them.</summary>
    public async Task<List<JsonElement>> InstancesAsync(string definitionId, string correlationId)
    {
        var page = await (await Admin.GetAsync($"/api/workflow-instances?definitionId={definitionId}&correlationId={ApiClient.Escape(correlationId)}")).JsonAsync();
        return [.. page.Items()];
    }

    /// <summary>Waits until the definition has one instance for the record with the sub-status (Suspended, Finished, ...).</summary>
    public async Task<JsonElement> UntilInstanceAsync(string definitionId, string correlationId, string subStatus)
    {
        JsonElement instance = default;
        await UntilAsync(async () => (await InstancesAsync(definitionId, correlationId)) is [var only] && (instance = only).Text("subStatus") == subStatus,
            $"the {definitionId} instance of {correlationId} to be {subStatus}");
        return instance;
    }

    /// <summary>
    /// Waits until the record's instance of the definition is suspended with a bookmark at the activity: the run that got
    /// there is committed, so moving the clock now cannot change when that step's own timer is due.
    /// </summary>
    public async Task<JsonElement> UntilWaitingAtAsync(string definitionId, string correlationId, string activityId)
    {
        JsonElement details = default;
        await UntilAsync(async () => (await InstancesAsync(definitionId, correlationId)) is [var only] && only.Text("subStatus") == "Suspended"
            && (details = await (await Admin.GetAsync($"/api/workflow-instances/{only.Text("id")}")).JsonAsync()).Items("bookmarks").Any(b => b.Text("activityId") == activityId),
            $"the {definitionId} instance of {correlationId} to wait at '{activityId}'");
        return details;
    }

    /// <summary>The messages in the pickup folder (<c>.eml</c> files) as text, in no particular order.</summary>
    public List<string> Mails() => Directory.Exists(PickupFolder)
        ? [.. Directory.GetFiles(PickupFolder, "*.eml").Select(File.ReadAllText)]
        : [];

    /// <summary>The messages to the address.</summary>
    public List<string> MailsTo(string address) =>
        [.. Mails().Where(m => m.Split('\n').Any(line => line.StartsWith("To:", StringComparison.OrdinalIgnoreCase) && line.Contains(address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="count"/> messages to the address are in the pickup folder.</summary>
    public async Task<List<string>> UntilMailsToAsync(string address, int count)
    {
        await UntilAsync(() => Task.FromResult(MailsTo(address).Count >= count), $"{count} e-mail(s) to {address}");
        return MailsTo(address);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }

    private static DateTimeOffset MondayMorningNoLaterThan(DateTimeOffset now)
    {
        var monday = now.UtcDateTime.Date.AddDays(-(((int)now.UtcDateTime.DayOfWeek + 6) % 7)).AddHours(8);
        var start = new DateTimeOffset(monday, TimeSpan.Zero);
        return start <= now ? start : start.AddDays(-7);
    }
}
