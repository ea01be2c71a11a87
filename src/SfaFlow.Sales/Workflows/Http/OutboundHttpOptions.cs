namespace SfaFlow.Sales.Workflows.Http;

/// <summary>
/// What <c>Sfa.HttpRequest</c> may call, bound from <c>SfaFlow:Http</c>. By default only public addresses: a workflow
/// author must not be able to reach the host's own network (cloud metadata, admin ports, the database) through a webhook.
/// </summary>
public sealed class OutboundHttpOptions
{
    public const string SectionName = "SfaFlow:Http";

    /// <summary>Allow private, loopback, link-local and unique-local addresses everywhere (a closed on-premises network).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Host names (as written in URLs, any case) that may be called whatever they resolve to, an internal CRM say.</summary>
    public List<string> AllowedHosts { get; } = [];

    /// <summary>The largest response body kept; a bigger one ends the request as Failed (instance state stays small).</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;
}
