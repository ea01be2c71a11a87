using System.Net;
using System.Net.Sockets;

namespace SfaFlow.Sales.Workflows.Http;

/// <summary>Tells public internet addresses from those of the host's own networks, for IPv4 and IPv6.</summary>
public static class NetworkAddresses
{
    /// <summary>
    /// False for loopback, private (RFC 1918), carrier-grade NAT, link-local, unique-local, site-local, unspecified,
    /// multicast, broadcast and reserved addresses, also when an IPv4 one is written as IPv6 (<c>::ffff:10.0.0.1</c>).
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] is 0 or 10 or 127 or >= 224 // this network, private, loopback, multicast and reserved (224/4, 240/4, broadcast)
        || (b[0] == 100 && b[1] >= 64 && b[1] < 128) // carrier-grade NAT 100.64/10
        || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata services
        || (b[0] == 172 && b[1] >= 16 && b[1] < 32) // private 172.16/12
        || (b[0] == 192 && b[1] == 168) // private 192.168/16
        || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments 192.0.0/24
        || (b[0] == 198 && b[1] is 18 or 19)); // benchmarking 198.18/15

    private static bool IsPublicV6(IPAddress address)
    {
        if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address: judge that one.
        var compatible = b.Take(12).All(x => x == 0);
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0);
        return compatible || nat64 ? IsPublicV4(b[12..]) : true;
    }
}
