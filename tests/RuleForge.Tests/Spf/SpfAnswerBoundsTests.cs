using RuleForge.Resolution.Spf;
using RuleForge.Tests.Lock;
using RuleForge.Tests.Support;
using Xunit;
using static RuleForge.Tests.Spf.SpfTestDns;

namespace RuleForge.Tests.Spf;

/// <summary>
/// SPF answers that are too large are refused for their size alone (issue 9): an SPF record over
/// Spf:MaxRecordBytes, a TXT record of more than Spf:MaxTxtStrings strings, a name with more than
/// Spf:MaxTxtRecords TXT records. Each names the DNS name and the size, and lock leaves the
/// lockfile as it was.
/// </summary>
public sealed class SpfAnswerBoundsTests : IDisposable
{
    private const string Domain = "big.example.com";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // A valid record of 'count' separate /32s in 198.51.100.0/24 (documentation space) and -all.
    private static string Record(int count) =>
        "v=spf1 " + string.Concat(Enumerable.Range(0, count).Select(i => $"ip4:198.51.100.{i} ")) + "-all";

    // The text cut into strings of at most 255 bytes, as a zone publishes a long record.
    private static string[] Strings(string text) =>
        [.. text.Chunk(255).Select(c => new string(c))];

    [Fact]
    public async Task Flatten_RefusesAnSpfRecordOverTheLimit_NamingTheNameAndItsSize()
    {
        var record = Record(200);
        Assert.True(record.Length > SpfLimits.DefaultRecordBytes, $"the test record is only {record.Length} bytes");
        using var dns = new LoopbackDnsServer().Txt(Domain, Strings(record));

        var result = await FlattenAsync(dns, Domain);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Ranges);
        var refused = Assert.Single(result.Diagnostics, d => d.Code == "RF1232");
        Assert.Contains($"'{Domain}' is {record.Length} bytes long", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"{SpfLimits.DefaultRecordBytes} bytes", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RF1313");
    }

    [Fact]
    public async Task Flatten_RefusesAnOversizedRecordReachedThroughAnInclude_NamingTheIncludedName()
    {
        var record = Record(200);
        using var dns = new LoopbackDnsServer()
            .Txt(Domain, "v=spf1 ip4:192.0.2.1 include:_spf.big.example.com -all")
            .Txt("_spf.big.example.com", Strings(record));

        var result = await FlattenAsync(dns, Domain);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Ranges);
        var refused = Assert.Single(result.Diagnostics, d => d.Code == "RF1232");
        Assert.Equal("_spf.big.example.com", refused.Location.File);
        Assert.Contains($"'_spf.big.example.com' is {record.Length} bytes", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task Flatten_TheRecordSizeLimit_IsInclusive_AndConfigurable(int over, bool succeeds)
    {
        var record = Record(20);
        using var dns = new LoopbackDnsServer().Txt(Domain, Strings(record));
        var limits = SpfLimits.Default with { RecordBytes = record.Length - over };

        var result = await Flattener(dns, limits: limits).FlattenAsync(Domain);

        Assert.Equal(succeeds, result.Succeeded);
        Assert.Equal(!succeeds, result.Diagnostics.Any(d => d.Code == "RF1232"));
        Assert.Equal(succeeds ? 20 : 0, result.Provenance.Count);
    }

    [Fact]
    public async Task Flatten_RefusesATxtRecordOfTooManyStrings_EvenWhenTheRecordIsShort()
    {
        var strings = "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 -all".Select(c => c.ToString()).ToArray();
        Assert.True(strings.Length > SpfLimits.DefaultTxtStrings);
        using var dns = new LoopbackDnsServer().Txt(Domain, strings);

        var result = await FlattenAsync(dns, Domain);

        Assert.False(result.Succeeded);
        var refused = Assert.Single(result.Diagnostics, d => d.Code == "RF1233");
        Assert.Contains($"'{Domain}' is made of {strings.Length} strings", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flatten_RefusesANameWithTooManyTxtRecords()
    {
        using var dns = new LoopbackDnsServer().Txt(Domain, "v=spf1 ip4:192.0.2.1 -all");
        for (var i = 0; i < SpfLimits.DefaultTxtRecords; i++)
        {
            dns.Txt(Domain, $"site-verification={i}");
        }

        var result = await FlattenAsync(dns, Domain);

        Assert.False(result.Succeeded);
        var refused = Assert.Single(result.Diagnostics, d => d.Code == "RF1234");
        Assert.Contains($"'{Domain}' has {SpfLimits.DefaultTxtRecords + 1} TXT records", refused.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_WithARecordGrownPastTheLimit_ExitsOne_AndLeavesTheLockfileByteIdentical()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        using (var small = new LoopbackDnsServer().Txt(Domain, Strings(Record(20))))
        {
            var first = LockPolicies.Lock(policy, small.Flag);
            Assert.True(first.ExitCode == 0, first.ToString());
        }

        var before = File.ReadAllBytes(LockPolicies.LockfileOf(policy));
        var record = Record(200);
        using var grown = new LoopbackDnsServer().Txt(Domain, Strings(record));

        var run = LockPolicies.Lock(policy, grown.Flag, "--refresh");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{Domain}: error RF1232: the SPF record of '{Domain}' is {record.Length} bytes long",
            run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Spf:MaxRecordBytes", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(LockPolicies.LockfileOf(policy)));
    }

    [Fact]
    public void Lock_ReadsALargerRecord_WhenTheSettingAllowsIt()
    {
        var policy = LockPolicies.Write(_temp, LockPolicies.Trusting(Domain));
        var settings = _temp.Write("large.json", """{ "Spf": { "MaxRecordBytes": 8192 }, "Dns": { "Timeout": 5 } }""");
        using var dns = new LoopbackDnsServer().Txt(Domain, Strings(Record(200)));

        var run = CliRunner.Run("lock", policy, "--dns-server", dns.Flag, "--settings", settings);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("198.51.100.199/32", File.ReadAllText(LockPolicies.LockfileOf(policy)),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxRecordBytes", "0")]
    [InlineData("MaxTxtStrings", "many")]
    [InlineData("MaxTxtRecords", "-1")]
    public void SpfFlatten_RefusesAnUnusableBoundSetting_AsAUsageError(string key, string value)
    {
        var settings = _temp.Write("bad.json", $$"""{ "Spf": { "{{key}}": "{{value}}" } }""");
        using var dns = new LoopbackDnsServer().Txt(Domain, "v=spf1 -all");

        var run = CliRunner.Run("spf", "flatten", Domain, "--dns-server", dns.Flag, "--settings", settings);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Spf:{key} = '{value}'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, dns.Total);
    }
}
