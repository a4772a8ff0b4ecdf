using System.Globalization;
using System.Text.RegularExpressions;
using RuleForge.Net;

namespace RuleForge.Resolution.Spf;

/// <summary>Parses SPF records by the ABNF of RFC 7208 section 12; names are case-insensitive.</summary>
public static partial class SpfRecordParser
{
    private const string Version = "v=spf1";

    /// <summary>True when a TXT record is an SPF record: "v=spf1" alone or followed by a space.</summary>
    public static bool IsSpfRecord(string text) =>
        text.Equals(Version, StringComparison.OrdinalIgnoreCase)
        || text.StartsWith(Version + " ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a record that <see cref="IsSpfRecord"/> accepted; never throws.</summary>
    public static SpfRecord Parse(string text)
    {
        var terms = new List<SpfTerm>();
        var modifiers = new List<SpfModifier>();
        var errors = new List<string>();
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            if (ModifierPattern().Match(token) is { Success: true } m)
            {
                var name = m.Groups["name"].Value.ToLowerInvariant();
                AddModifier(token, name, m.Groups["value"].Value, modifiers, errors);
            }
            else if (ParseTerm(token, out var error) is { } term)
            {
                terms.Add(term);
            }
            else
            {
                errors.Add($"'{token}': {error}");
            }
        }

        return new SpfRecord(text, terms, modifiers, errors);
    }

    private static void AddModifier(
        string token, string name, string value, List<SpfModifier> modifiers, List<string> errors)
    {
        if (name is "redirect" or "exp")
        {
            if (modifiers.Any(m => m.Name == name))
            {
                errors.Add($"'{token}': '{name}' appears more than once");
                return;
            }

            if (value.Length == 0)
            {
                errors.Add($"'{token}': '{name}' needs a domain");
                return;
            }
        }

        modifiers.Add(new SpfModifier(name, value, token));
    }

    private static SpfTerm? ParseTerm(string token, out string error)
    {
        error = "";
        var qualifier = token[0] switch
        {
            '+' => SpfQualifier.Pass,
            '-' => SpfQualifier.Fail,
            '~' => SpfQualifier.SoftFail,
            '?' => SpfQualifier.Neutral,
            _ => (SpfQualifier?)null,
        };
        var rest = qualifier is null ? token : token[1..];
        var nameEnd = rest.IndexOfAny([':', '/']);
        var name = (nameEnd < 0 ? rest : rest[..nameEnd]).ToLowerInvariant();
        var argument = nameEnd < 0 ? "" : rest[nameEnd..];
        var q = qualifier ?? SpfQualifier.Pass;
        switch (name)
        {
            case "all":
                return Plain(token, q, SpfMechanism.All, argument, out error);
            case "include":
            case "exists":
            case "ptr":
                return WithDomain(token, q, name, argument, out error);
            case "a":
            case "mx":
                return WithCidr(token, q, name == "a" ? SpfMechanism.A : SpfMechanism.Mx, argument, out error);
            case "ip4":
            case "ip6":
                return WithNetwork(token, q, name == "ip4" ? IpFamily.V4 : IpFamily.V6, argument, out error);
            default:
                error = $"'{name}' is not an SPF mechanism";
                return null;
        }
    }

    private static SpfTerm? Plain(
        string token, SpfQualifier q, SpfMechanism mechanism, string argument, out string error)
    {
        error = argument.Length == 0 ? "" : "'all' takes no argument";
        return argument.Length == 0 ? new SpfTerm(token, q, mechanism, null, 32, 128, null) : null;
    }

    private static SpfTerm? WithDomain(string token, SpfQualifier q, string name, string argument, out string error)
    {
        var mechanism = name switch
        {
            "include" => SpfMechanism.Include,
            "exists" => SpfMechanism.Exists,
            _ => SpfMechanism.Ptr,
        };
        error = "";
        if (argument.Length == 0 && mechanism == SpfMechanism.Ptr)
        {
            return new SpfTerm(token, q, mechanism, null, 32, 128, null);
        }

        if (!argument.StartsWith(':') || argument.Length == 1)
        {
            error = $"'{name}' needs ':' and a domain";
            return null;
        }

        return new SpfTerm(token, q, mechanism, argument[1..], 32, 128, null);
    }

    private static SpfTerm? WithCidr(
        string token, SpfQualifier q, SpfMechanism mechanism, string argument, out string error)
    {
        error = "";
        var m = DualCidrPattern().Match(argument);
        var spec = m.Groups["spec"].Value;
        if (!m.Success || (spec.Length > 0 && (spec.Length == 1 || spec[0] != ':')))
        {
            error = "expected an optional ':domain' and '/prefix' or '//prefix'";
            return null;
        }

        var v4 = 32;
        var v6 = 128;
        if ((m.Groups["v4"].Success && !TryPrefix(m.Groups["v4"].Value, 32, out v4))
            || (m.Groups["v6"].Success && !TryPrefix(m.Groups["v6"].Value, 128, out v6)))
        {
            error = "the prefix length is out of range";
            return null;
        }

        return new SpfTerm(token, q, mechanism, spec.Length == 0 ? null : spec[1..], v4, v6, null);
    }

    private static SpfTerm? WithNetwork(
        string token, SpfQualifier q, IpFamily family, string argument, out string error)
    {
        error = "";
        var kind = family == IpFamily.V4 ? "ip4" : "ip6";
        if (!argument.StartsWith(':')
            || !IpNetwork.TryParse(argument[1..], out var network, out _)
            || network.Family != family)
        {
            error = $"'{kind}' needs an {(family == IpFamily.V4 ? "IPv4" : "IPv6")} address or network";
            return null;
        }

        var mechanism = family == IpFamily.V4 ? SpfMechanism.Ip4 : SpfMechanism.Ip6;
        return new SpfTerm(token, q, mechanism, null, network.Prefix, network.Prefix, network);
    }

    private static bool TryPrefix(string text, int max, out int prefix) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) && prefix <= max;

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9\-_.]*)=(?<value>.*)\z")]
    private static partial Regex ModifierPattern();

    [GeneratedRegex(@"^(?<spec>(:[^/]*)?)(/(?<v4>\d{1,3}))?(//(?<v6>\d{1,3}))?\z")]
    private static partial Regex DualCidrPattern();
}
