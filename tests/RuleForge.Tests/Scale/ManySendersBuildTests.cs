using System.Text.RegularExpressions;
using RuleForge.Pipeline;
using RuleForge.Proof;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Scale;

/// <summary>
/// A build of many senders (issue 9) proves each sender against its own trust entries and
/// writes every report whole, however long it gets.
/// </summary>
public sealed partial class ManySendersBuildTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Prove_OfManySenders_FindsEachSendersOwnTrustEntry_AndWarnsOncePerSenderAndBlocklist()
    {
        const int Count = 600;
        var path = _temp.Write("p.yaml", ManySenderPolicy.Text(Count));

        var outcome = BuildPipeline.Prepare(path, "p.yaml", new PolicyDefaults());

        Assert.True(outcome.Succeeded, string.Join('\n', outcome.Diagnostics.Take(5)));
        var rcpt = outcome.Proof!.Obligations
            .Where(o => o.Stage == "RCPT (smtpd_recipient_restrictions)")
            .ToList();
        Assert.Equal(Count, rcpt.Count);

        // Each sender's trust check is its own entry after the site ones, in policy order, and the
        // blocklist reject follows all of them.
        var reject = ManySenderPolicy.SiteEntries + Count + 1;
        for (var i = 0; i < Count; i++)
        {
            var o = rcpt[i];
            Assert.Equal(($"s{i}", "zen", ObligationStatus.Proven), (o.SenderId, o.BlocklistId, o.Status));
            var trust = ManySenderPolicy.SiteEntries + i + 1;
            Assert.EndsWith($"is entry {trust}, before the blocklist at entry {reject}", o.Reason,
                StringComparison.Ordinal);
        }

        // Connect: every sender's range is permitted in the postscreen access list.
        var connect = outcome.Proof.Obligations.Where(o => o.Stage.StartsWith("connect", StringComparison.Ordinal));
        Assert.All(connect, o => Assert.Equal(ObligationStatus.Proven, o.Status));
        Assert.Equal(2 * Count, connect.Count());

        // Content: a sender with authentication has two trust rules per content filter, one without has one.
        foreach (var o in outcome.Proof.Obligations.Where(o => o.Stage == "content"))
        {
            var index = int.Parse(o.SenderId[1..], System.Globalization.CultureInfo.InvariantCulture);
            var rules = o.Reason.Split("; ").Count(part => part.Contains("worst case", StringComparison.Ordinal));
            Assert.True(ManySenderPolicy.Kind(index) == 0 ? rules == 1 : rules == 2, $"{o.SenderId}: {o.Reason}");
        }

        // RF1404 for each sender with authentication and ranges, once for zen and once for spamcop,
        // in sender order; only the first 100 are listed, RF1231 counts the rest.
        var warned = outcome.Diagnostics.Where(d => d.Code == "RF1404")
            .Select(d => SenderOf().Match(d.Message).Groups[1].Value)
            .ToList();
        var expected = Enumerable.Range(0, Count).Where(i => ManySenderPolicy.Kind(i) > 0)
            .SelectMany(i => new[] { $"s{i}", $"s{i}" })
            .ToList();
        Assert.Equal(expected.Take(100), warned);
        Assert.Contains(outcome.Diagnostics, d => d.Code == "RF1231"
            && d.Message.StartsWith($"{expected.Count - 100} more", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_OfManySenders_WritesEveryReportWhole_BeyondOneMebibyte()
    {
        const int Count = 2500;
        var last = Count - 1;

        var built = BuiltPolicy.FromText(ManySenderPolicy.Text(Count));

        var md = built["proof.md"];
        var html = built["report.html"];
        Assert.True(md.Length > 1 << 20, $"proof.md is {md.Length} characters; the test needs more than 1 MiB");
        Assert.EndsWith($"s{last}:\n- {ManySenderPolicy.Range(last)} (inline)\n", md, StringComparison.Ordinal);
        Assert.EndsWith("</body>\n</html>\n", html, StringComparison.Ordinal);
        Assert.Contains($"Ranges of s{last} and where they came from", html, StringComparison.Ordinal);

        // The same limit cut daemon configuration: SpamAssassin's rules for this many senders.
        var cf = built["spamassassin/ruleforge.cf"];
        Assert.True(cf.Length > 1 << 20, $"ruleforge.cf is {cf.Length} characters; the test needs more than 1 MiB");
        Assert.EndsWith("score    RF_BL_SPAMCOP 2.0\n", cf, StringComparison.Ordinal);
    }

    [GeneratedRegex("sender '(s[0-9]+)'")]
    private static partial Regex SenderOf();
}
