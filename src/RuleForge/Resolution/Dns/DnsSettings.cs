using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RuleForge.Resolution.Dns;

/// <summary>Where and how to send DNS questions.</summary>
/// <param name="Servers">Servers to ask, in order; empty means the system resolver.</param>
/// <param name="Timeout">How long to wait for one answer.</param>
/// <param name="Retries">How many times to ask again after a timeout.</param>
/// <param name="UseTcpFallback">Repeat a truncated UDP answer over TCP.</param>
public sealed record DnsSettings(
    IReadOnlyList<IPEndPoint> Servers,
    TimeSpan Timeout,
    int Retries,
    bool UseTcpFallback)
{
    /// <summary>The system resolver, 5 seconds, 2 retries, TCP fallback on.</summary>
    public static DnsSettings Default { get; } = new([], TimeSpan.FromSeconds(5), 2, true);

    /// <summary>
    /// Parses <c>host:port</c>, <c>[v6]:port</c> or a bare address (port 53). The host must be
    /// an IP address: resolving a server's name would itself need a resolver.
    /// </summary>
    public static bool TryParseServer(string text, out IPEndPoint endpoint)
    {
        endpoint = new IPEndPoint(IPAddress.Loopback, 53);
        var host = text.Trim();
        var port = 53;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !TryPort(host[(close + 1)..], allowEmpty: true, ref port))
            {
                return false;
            }

            host = host[1..close];
        }
        else if (host.Count(c => c == ':') == 1)
        {
            var colon = host.IndexOf(':', StringComparison.Ordinal);
            if (!TryPort(host[colon..], allowEmpty: false, ref port))
            {
                return false;
            }

            host = host[..colon];
        }

        if (!IPAddress.TryParse(host, out var address)
            || address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            || (address.AddressFamily == AddressFamily.InterNetwork && host.Count(c => c == '.') != 3))
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }

    private static bool TryPort(string text, bool allowEmpty, ref int port)
    {
        if (text.Length == 0)
        {
            return allowEmpty;
        }

        return text[0] == ':' && text.Length is > 1 and <= 6 && text[1..].All(char.IsAsciiDigit)
            && int.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is > 0 and <= 65535;
    }
}
