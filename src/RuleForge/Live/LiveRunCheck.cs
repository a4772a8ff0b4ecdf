using System.Net;
using System.Text.RegularExpressions;

namespace RuleForge.Live;

/// <summary>
/// Checks a <see cref="LiveRun"/> before anything starts: names, addresses and record texts
/// must be safe to write into the sandbox's files and command lines.
/// </summary>
internal static partial class LiveRunCheck
{
    /// <summary>Returns one problem per bad value; empty when the run can start.</summary>
    public static List<string> Problems(LiveRun run)
    {
        var problems = new List<string>();
        if (!Directory.Exists(run.Tree))
        {
            problems.Add($"the tree '{run.Tree}' does not exist");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in run.Scenarios)
        {
            var at = $"scenario '{s.Name}'";
            if (!NamePattern().IsMatch(s.Name))
            {
                problems.Add($"{at}: the name must be [a-z0-9-], 1 to 100 characters");
            }
            else if (!names.Add(s.Name))
            {
                problems.Add($"{at}: the name is used twice");
            }

            if (!IPAddress.TryParse(s.ClientIp, out _))
            {
                problems.Add($"{at}: client IP '{s.ClientIp}' is not an IPv4 or IPv6 address");
            }

            // Limitation: the null envelope sender (bounces, "<>") cannot be a scenario yet.
            CheckAddress(problems, at, "envelope sender", s.EnvelopeFrom);
            CheckAddress(problems, at, "header From", s.HeaderFrom);
            if (s.DkimDomain is not null && !IsDomain(s.DkimDomain))
            {
                problems.Add($"{at}: DKIM domain '{s.DkimDomain}' is not a domain name");
            }

            foreach (var listing in s.Listings)
            {
                CheckListing(problems, at, listing);
            }
        }

        foreach (var d in run.Domains)
        {
            CheckDomain(problems, d);
        }

        return problems;
    }

    /// <summary>True for a plain DNS name: letters, digits, '-', '_' and dots.</summary>
    public static bool IsDomain(string text) => DomainPattern().IsMatch(text);

    private static void CheckAddress(List<string> problems, string at, string what, string address)
    {
        var at2 = address.LastIndexOf('@');
        if (at2 <= 0 || !LocalPartPattern().IsMatch(address[..at2]) || !IsDomain(address[(at2 + 1)..]))
        {
            problems.Add($"{at}: {what} '{address}' is not a plain address (local@domain)");
        }
    }

    private static void CheckListing(List<string> problems, string at, DnsListing listing)
    {
        if (!IsDomain(listing.Zone))
        {
            problems.Add($"{at}: blocklist zone '{listing.Zone}' is not a domain name");
        }

        if (!IPAddress.TryParse(listing.Subject, out _) && !IsDomain(listing.Subject))
        {
            problems.Add($"{at}: listed subject '{listing.Subject}' is neither an address nor a domain");
        }

        if (!IPAddress.TryParse(listing.Answer, out var answer)
            || answer.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            problems.Add($"{at}: listing answer '{listing.Answer}' is not an IPv4 address");
        }
    }

    private static void CheckDomain(List<string> problems, DomainRecords d)
    {
        var at = $"domain records of '{d.Domain}'";
        if (!IsDomain(d.Domain))
        {
            problems.Add($"{at}: '{d.Domain}' is not a domain name");
        }

        foreach (var txt in new[] { d.Spf, d.Dmarc })
        {
            if (txt is not null && !TxtPattern().IsMatch(txt))
            {
                problems.Add($"{at}: TXT '{txt}' must be printable ASCII without double quotes");
            }
        }

        if (!IPAddress.TryParse(d.ARecord, out var a)
            || a.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            problems.Add($"{at}: A record '{d.ARecord}' is not an IPv4 address");
        }
    }

    [GeneratedRegex(@"^[a-z0-9-]{1,100}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[A-Za-z0-9_-]{1,63}\.)*[A-Za-z0-9_-]{1,63}\z")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}\z")]
    private static partial Regex LocalPartPattern();

    [GeneratedRegex(@"^[\x20-\x21\x23-\x7e]{1,1000}\z")]
    private static partial Regex TxtPattern();
}
