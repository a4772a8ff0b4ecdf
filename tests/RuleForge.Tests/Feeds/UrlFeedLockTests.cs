using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RuleForge.Tests.Lock;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Feeds;

public sealed class UrlFeedLockTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly LoopbackHttpServer _server = new LoopbackHttpServer().Serve(UrlFeedPolicy.Feed);

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Lock_PinsTheUrlFeed_ThenBuildNeedsNoServer_AndProves()
    {
        var policy = UrlFeedPolicy.Write(_temp, _server);

        var locked = UrlFeedPolicy.Lock(policy);

        Assert.True(locked.ExitCode == 0, locked.ToString());
        Assert.Contains("feeds: partner-feed (downloaded)", locked.Stdout, StringComparison.Ordinal);
        Assert.Contains("+ 198.51.100.0/26", locked.Stdout, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(LockPolicies.LockfileOf(policy))))
        {
            var pin = json.RootElement.GetProperty("feeds").GetProperty("partner-feed");
            Assert.Equal(_server.Url, pin.GetProperty("source").GetString());
            Assert.Equal(Sha256(UrlFeedPolicy.Feed), pin.GetProperty("contentHash").GetString());
            Assert.Equal(_server.ETag, pin.GetProperty("etag").GetString());
            Assert.Equal(_server.LastModified, pin.GetProperty("lastModified").GetString());
            Assert.Equal(3, pin.GetProperty("rows").GetInt32());
            var selection = Assert.Single(pin.GetProperty("selections").EnumerateArray());
            Assert.Equal("partner", selection.GetProperty("sender").GetString());
            Assert.Equal(["192.0.2.0/26", "2001:db8:1::/48", "198.51.100.0/26"],
                selection.GetProperty("ranges").EnumerateArray().Select(r => r.GetProperty("range").GetString()));
        }

        _server.Dispose();
        var outDir = _temp["out"];
        var built = CliRunner.Run("build", policy, "--out", outDir, "--settings", LockPolicies.NoDnsSettings(policy));

        Assert.True(built.ExitCode == 0, built.ToString());
        var clients = File.ReadAllText(Path.Combine(outDir, "postfix/ruleforge/partner.clients.cidr"));
        Assert.Contains("198.51.100.0/26", clients, StringComparison.Ordinal);
        Assert.Contains("2001:db8:1::/48", clients, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.0/24", clients, StringComparison.Ordinal);
        var proof = File.ReadAllText(Path.Combine(outDir, "proof.md"));
        Assert.Contains("198.51.100.0/26 (feed partner-feed row 2)", proof, StringComparison.Ordinal);
        var manifest = File.ReadAllText(Path.Combine(outDir, "manifest.json"));
        Assert.Contains(Sha256(UrlFeedPolicy.Feed), manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_WhenTheServerAnswers304_SentTheLockedValidators_AndLeavesTheLockfileAlone()
    {
        var policy = UrlFeedPolicy.Write(_temp, _server);
        Assert.Equal(0, UrlFeedPolicy.Lock(policy).ExitCode);
        var before = File.ReadAllBytes(LockPolicies.LockfileOf(policy));

        var refreshed = UrlFeedPolicy.Lock(policy, "", "--refresh");

        Assert.True(refreshed.ExitCode == 0, refreshed.ToString());
        var request = _server.Requests[^1];
        Assert.Equal(_server.ETag, request.GetValueOrDefault("if-none-match"));
        Assert.Equal(_server.LastModified, request.GetValueOrDefault("if-modified-since"));
        Assert.Contains("partner-feed (not modified)", refreshed.Stdout, StringComparison.Ordinal);
        Assert.Contains("is up to date", refreshed.Stdout, StringComparison.Ordinal);
        Assert.Contains("sender partner (feed partner-feed): unchanged", refreshed.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(LockPolicies.LockfileOf(policy)));
    }

    [Fact]
    public void Refresh_WhenTheFeedChanged_ShowsTheAddedRange_AndRewritesThePin()
    {
        var policy = UrlFeedPolicy.Write(_temp, _server);
        Assert.Equal(0, UrlFeedPolicy.Lock(policy).ExitCode);
        _server.Serve(UrlFeedPolicy.FeedGrown);

        var refreshed = UrlFeedPolicy.Lock(policy, "", "--refresh");

        Assert.True(refreshed.ExitCode == 0, refreshed.ToString());
        Assert.Contains("sender partner (feed partner-feed): 1 ranges added, 0 removed\n  + 198.51.100.64/26",
            refreshed.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var text = File.ReadAllText(LockPolicies.LockfileOf(policy));
        Assert.Contains(Sha256(UrlFeedPolicy.FeedGrown), text, StringComparison.Ordinal);
        Assert.Contains("198.51.100.64/26", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(_server.ETag,
            json.RootElement.GetProperty("feeds").GetProperty("partner-feed").GetProperty("etag").GetString());
    }

    [Theory]
    [InlineData("status 500", "RF1370", "answered HTTP 500")]
    [InlineData("status 404", "RF1370", "answered HTTP 404")]
    [InlineData("refused", "RF1369", "cannot connect to")]
    [InlineData("truncated", "RF1374", "could not be read as generic")]
    [InlineData("too large", "RF1371", "larger than the limit of 100 bytes")]
    [InlineData("stalled", "RF1372", "did not send the feed within 0.5 seconds")]
    public void Refresh_ThatFails_ExitsOne_NamesTheUrl_AndLeavesTheLockfileByteIdentical(
        string failure, string code, string words)
    {
        var policy = UrlFeedPolicy.Write(_temp, _server);
        Assert.Equal(0, UrlFeedPolicy.Lock(policy).ExitCode);
        var before = File.ReadAllBytes(LockPolicies.LockfileOf(policy));
        var limits = "";
        switch (failure)
        {
            case "status 500":
                _server.FailWith(500);
                break;
            case "status 404":
                _server.FailWith(404);
                break;
            case "refused":
                _server.Dispose();
                break;
            case "truncated":
                _server.ServeTruncated(UrlFeedPolicy.FeedGrown);
                break;
            case "stalled":
                _server.Stall();
                limits = "\"Timeout\": 0.5";
                break;
            default:
                _server.Serve(UrlFeedPolicy.FeedGrown);
                limits = "\"MaxBytes\": 100";
                break;
        }

        var refreshed = UrlFeedPolicy.Lock(policy, limits, "--refresh");

        Assert.Equal(1, refreshed.ExitCode);
        Assert.Contains($"error {code}: feed 'partner-feed'", refreshed.Stderr, StringComparison.Ordinal);
        Assert.Contains(words, refreshed.Stderr, StringComparison.Ordinal);
        Assert.Contains(_server.Url, refreshed.Stderr, StringComparison.Ordinal);
        Assert.Contains("error RF1350: cannot lock feed 'partner-feed'", refreshed.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(LockPolicies.LockfileOf(policy)));
    }

    [Fact]
    public void Refresh_ThatShrinksBeyondTheLimit_IsRefused_UnlessAllowShrink()
    {
        var policy = UrlFeedPolicy.Write(_temp, _server);
        Assert.Equal(0, UrlFeedPolicy.Lock(policy).ExitCode);
        var before = File.ReadAllBytes(LockPolicies.LockfileOf(policy));
        _server.Serve(UrlFeedPolicy.FeedShrunk);

        var refused = UrlFeedPolicy.Lock(policy, "", "--refresh");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error RF1346: the refresh would remove 48 of the 128 IPv4 addresses of sender 'partner'",
            refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(LockPolicies.LockfileOf(policy)));

        var allowed = UrlFeedPolicy.Lock(policy, "", "--refresh", "--allow-shrink");

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("0 ranges added, 2 removed\n  - 198.51.100.16/28\n  - 198.51.100.32/27",
            allowed.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var text = File.ReadAllText(LockPolicies.LockfileOf(policy));
        Assert.DoesNotContain("198.51.100.0/26", text, StringComparison.Ordinal);
        Assert.Contains("198.51.100.0/28", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OfAnUnlockedUrlFeed_IsAnError_AndNeverAsksTheServer()
    {
        var policy = UrlFeedPolicy.Write(_temp, _server);

        var built = CliRunner.Run("build", policy, "--out", _temp["out"]);

        Assert.Equal(1, built.ExitCode);
        Assert.Contains("error RF1375: sender 'partner' selects from feed 'partner-feed'", built.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("Run 'ruleforge lock", built.Stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Build_AfterTheSelectionChanged_AsksForALock_AndAPlainLockPinsTheNewSelection()
    {
        var policy = UrlFeedPolicy.Write(_temp, _server);
        Assert.Equal(0, UrlFeedPolicy.Lock(policy).ExitCode);
        File.WriteAllText(policy, UrlFeedPolicy.Text($"url: {_server.Url}", "[fra]"));

        var built = CliRunner.Run("build", policy, "--out", _temp["out"]);

        Assert.Equal(1, built.ExitCode);
        Assert.Contains("error RF1376: the selection of sender 'partner' from feed 'partner-feed'", built.Stderr,
            StringComparison.Ordinal);

        // Note: dropping ams halves the sender's IPv4 addresses; the change is the policy's own.
        var relocked = UrlFeedPolicy.Lock(policy, "", "--allow-shrink");

        Assert.True(relocked.ExitCode == 0, relocked.ToString());
        Assert.Contains("- 198.51.100.0/26", relocked.Stdout, StringComparison.Ordinal);
        Assert.Null(_server.Requests[^1].GetValueOrDefault("if-none-match"));
        Assert.Equal(0, CliRunner.Run("build", policy, "--out", _temp["out"]).ExitCode);
    }

    private static string Sha256(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
