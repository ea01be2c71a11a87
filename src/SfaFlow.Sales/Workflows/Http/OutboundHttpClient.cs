using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SfaFlow.Sales.Workflows.Http;

/// <summary>
/// The HTTP client workflows call out with. The address check happens where the socket connects (not on the URL), on every
/// address the name resolves to, so DNS rebinding cannot slip a private address past it; redirects are not followed, and
/// no proxy is used (the check must see the real destination).
/// </summary>
public sealed class OutboundHttpClient : IDisposable
{
    private readonly OutboundHttpOptions _options;

    public OutboundHttpClient(IOptions<OutboundHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        })
        {
            // Each request carries its own timeout (an activity input).
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public HttpClient Client { get; }

    public OutboundHttpOptions Options => _options;

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var trusted = _options.AllowPrivateNetworks || _options.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = trusted ? resolved : [.. resolved.Where(NetworkAddresses.IsPublic)];
        if (allowed.Length == 0)
        {
            throw new OutboundAddressRefusedException(
                $"'{host}' resolves to {string.Join(", ", resolved.Select(a => a.ToString()))}, a private, loopback or otherwise internal address; workflows may not call it unless SfaFlow:Http:AllowedHosts lists '{host}' or SfaFlow:Http:AllowPrivateNetworks is true.");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    public void Dispose() => Client.Dispose();
}
