namespace SfaFlow.Workflows.Plugins;

/// <summary>Where plugins come from and how far they are trusted, bound from <c>SfaFlow:Plugins</c>.</summary>
public sealed class PluginOptions
{
    public const string SectionName = "SfaFlow:Plugins";

    /// <summary>
    /// The folder holding one sub-folder per plugin, each with a <c>plugin.json</c>. A relative path is taken from the host's
    /// binaries folder (<see cref="AppContext.BaseDirectory"/>), where the build puts the solution's plugins.
    /// </summary>
    public string Folder { get; set; } = "plugins";

    /// <summary>
    /// SHA-256 hashes (hex, as <c>GET /api/plugins</c> shows them) of the plugin folders allowed to load. Empty allows every
    /// plugin; once set, anything else is refused.
    /// </summary>
    public IList<string> AllowedHashes { get; } = [];

    /// <summary>Reload a plugin when its files change. Null means on in Development only.</summary>
    public bool? HotReload { get; set; }

    /// <summary>How long to wait after the last file change before reloading (a build writes many files).</summary>
    public TimeSpan HotReloadDelay { get; set; } = TimeSpan.FromMilliseconds(750);

    /// <summary>How long one execution (or resumption) of a plugin activity may take before it becomes an incident.</summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one event delivery to a plugin listener may take before it counts as failed and is retried.</summary>
    public TimeSpan ListenerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per event and listener before the delivery is given up (and logged as an error).</summary>
    public int ListenerMaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed delivery; it doubles per attempt ...</summary>
    public TimeSpan ListenerRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>... up to this.</summary>
    public TimeSpan ListenerMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the delivery loop looks for due deliveries it was not woken for: recorded by another process, due for a
    /// retry, or left by a process that stopped. Events committed in this process wake it at once.
    /// </summary>
    public TimeSpan ListenerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries in progress at once, per process.</summary>
    public int ListenerBatchSize { get; set; } = 20;

    /// <summary>
    /// How long a claimed delivery stays with the process that claimed it; one that died holding it loses it then and
    /// another process delivers it. Keep it well above <see cref="ListenerTimeout"/>.
    /// </summary>
    public TimeSpan ListenerClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long deliveries made are kept before they are pruned (those given up stay for an operator).</summary>
    public TimeSpan ListenerRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The folder as an absolute path.</summary>
    public string ResolveFolder() => Path.GetFullPath(Folder, AppContext.BaseDirectory);
}
