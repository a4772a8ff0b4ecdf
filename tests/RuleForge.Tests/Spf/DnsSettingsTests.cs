using RuleForge.Cli;
using Xunit;

namespace RuleForge.Tests.Spf;

public class DnsSettingsTests
{
    [Fact]
    public void Settings_ReadDnsFromTheFile_AndTheFlagReplacesTheServers()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ruleforge-dns-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            { "Dns": { "Servers": ["127.0.0.1:5300", "[::1]:5301"], "Timeout": 0.5, "Retries": 1,
                       "UseTcpFallback": false } }
            """);
        try
        {
            var fromFile = Settings.Load(file, new Dictionary<string, string?>());
            var withFlag = Settings.Load(file, new Dictionary<string, string?> { ["Dns:Servers"] = "127.0.0.1:5353" });

            Assert.Empty(fromFile.DnsProblems());
            Assert.Equal(["127.0.0.1:5300", "[::1]:5301"], fromFile.Dns.Servers.Select(s => s.ToString()));
            Assert.Equal(TimeSpan.FromMilliseconds(500), fromFile.Dns.Timeout);
            Assert.Equal(1, fromFile.Dns.Retries);
            Assert.False(fromFile.Dns.UseTcpFallback);
            Assert.Equal(["127.0.0.1:5353"], withFlag.Dns.Servers.Select(s => s.ToString()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Settings_ReportUnusableDnsValues()
    {
        var flags = new Dictionary<string, string?>
        {
            ["Dns:Servers"] = "resolver.example",
            ["Dns:Timeout"] = "soon",
            ["Dns:Retries"] = "-1",
            ["Dns:UseTcpFallback"] = "maybe",
        };

        var problems = Settings.Load(null, flags).DnsProblems();

        Assert.Equal(4, problems.Count);
    }
}
