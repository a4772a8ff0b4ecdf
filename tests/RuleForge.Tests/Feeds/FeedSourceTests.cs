using System.Text.Json;
using RuleForge.Tests.Lock;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Feeds;

public sealed class FeedSourceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("url: http://ranges.example.com/r.json", "RF1366", "is fetched over plain http")]
    [InlineData("url: ranges.json", "RF1365", "is not an absolute http or https URL")]
    [InlineData("url: ftp://ranges.example.com/r.json", "RF1365", "is not an absolute http or https URL")]
    [InlineData("file: https://ranges.example.com/r.json", "RF1367", "is a URL")]
    [InlineData("file: r.json\n    url: https://ranges.example.com/r.json", "RF1364", "exactly one of")]
    public void Validate_RefusesBadFeedSources_WithoutAnyDownload(string source, string code, string words)
    {
        var policy = LockPolicies.Write(_temp, UrlFeedPolicy.Text(source));

        var result = CliRunner.Run("validate", policy);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error {code}:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(words, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("RF1214", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/r.json")]
    [InlineData("http://[::1]:8080/r.json")]
    [InlineData("http://localhost/r.json")]
    [InlineData("https://ranges.example.com/r.json")]
    public void Validate_AcceptsHttpsAnywhere_AndPlainHttpOnLoopback(string url)
    {
        var policy = LockPolicies.Write(_temp, UrlFeedPolicy.Text($"url: {url}"));

        var result = CliRunner.Run("validate", policy);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Build_OfAPinnedLocalFeedThatChanged_IsAnError_UntilLockRefreshPinsIt()
    {
        var feed = _temp.Write("partner.json", UrlFeedPolicy.Feed);
        var policy = LockPolicies.Write(_temp, UrlFeedPolicy.Text("file: partner.json"));
        Assert.Equal(0, CliRunner.Run("build", policy, "--out", _temp["out"]).ExitCode);
        Assert.Equal(0, UrlFeedPolicy.Lock(policy).ExitCode);
        File.WriteAllText(feed, UrlFeedPolicy.FeedGrown);

        var stale = CliRunner.Run("build", policy, "--out", _temp["out2"]);

        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("error RF1377: the file of feed 'partner-feed' (partner.json) no longer has the content",
            stale.Stderr, StringComparison.Ordinal);
        Assert.Contains("--refresh", stale.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out2"]));

        var refreshed = UrlFeedPolicy.Lock(policy, "", "--refresh");

        Assert.True(refreshed.ExitCode == 0, refreshed.ToString());
        Assert.Contains("feeds: partner-feed (read)", refreshed.Stdout, StringComparison.Ordinal);
        Assert.Contains("+ 198.51.100.64/26", refreshed.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("build", policy, "--out", _temp["out2"]).ExitCode);
    }

    [Fact]
    public void Build_WhenTheFeedNowComesFromElsewhere_AsksForALockRefresh()
    {
        _temp.Write("partner.json", UrlFeedPolicy.Feed);
        _temp.Write("moved.json", UrlFeedPolicy.Feed);
        var policy = LockPolicies.Write(_temp, UrlFeedPolicy.Text("file: partner.json"));
        Assert.Equal(0, UrlFeedPolicy.Lock(policy).ExitCode);
        File.WriteAllText(policy, UrlFeedPolicy.Text("file: moved.json"));

        var built = CliRunner.Run("build", policy, "--out", _temp["out"]);

        Assert.Equal(1, built.ExitCode);
        Assert.Contains("error RF1378: feed 'partner-feed' is pinned in 'p.yaml.lock.json' as read from " +
            "'partner.json'", built.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, CountOf("RF1378", built.Stderr));
    }

    [Fact]
    public void FeedShow_DownloadsAUrl_WithTheSameOutputAsForAFile()
    {
        using var server = new LoopbackHttpServer().Serve(UrlFeedPolicy.Feed);
        var file = _temp.Write("partner.json", UrlFeedPolicy.Feed);
        string[] rest = ["--items", "blocks", "--cidr-field", "nets", "--where", "kind=mail", "--format", "json"];

        var fromUrl = CliRunner.Run(["feed", "show", server.Url, .. rest]);
        var fromFile = CliRunner.Run(["feed", "show", file, .. rest]);

        Assert.True(fromUrl.ExitCode == 0, fromUrl.ToString());
        Assert.Equal(fromFile.Stdout, fromUrl.Stdout);
        using var json = JsonDocument.Parse(fromUrl.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("selected").GetInt32());
        Assert.Equal(["192.0.2.0/26", "198.51.100.0/26", "2001:db8:1::/48"],
            json.RootElement.GetProperty("ranges").EnumerateArray().Select(r => r.GetString()));
        Assert.Single(server.Requests);
    }

    [Fact]
    public void FeedShow_OfAUrlThatFails_ExitsOne_AndNamesTheUrl()
    {
        using var server = new LoopbackHttpServer().Serve(UrlFeedPolicy.Feed);
        server.FailWith(500);

        var result = CliRunner.Run("feed", "show", server.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error RF1370: feed '{server.Url}': {server.Url} answered HTTP 500", result.Stderr,
            StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("\"MaxBytes\": \"lots\"", "Feeds:MaxBytes = 'lots' is not a whole number of bytes")]
    [InlineData("\"Timeout\": -1", "Feeds:Timeout = '-1' is not a number of seconds")]
    public void UnusableFeedSettings_AreUsageErrors(string setting, string words)
    {
        var settings = _temp.Write("s.json", $$"""{ "Feeds": { {{setting}} } }""");

        var result = CliRunner.Run("feed", "show", "http://127.0.0.1:9/r.json", "--settings", settings);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(words, result.Stderr, StringComparison.Ordinal);
    }

    private static int CountOf(string code, string text) =>
        text.Split(code, StringSplitOptions.None).Length - 1;
}
