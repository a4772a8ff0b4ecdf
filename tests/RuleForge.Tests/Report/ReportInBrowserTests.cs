using System.Buffers.Binary;
using System.Text.RegularExpressions;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Report;

/// <summary>
/// The HTML report of every example policy, loaded in a real browser (headless Chromium from
/// Debian's packages, run without network): it loads without a console message, the DOM has the
/// report's sections and charts, and the screenshot is a real picture.
/// </summary>
public sealed partial class ReportInBrowserTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Policies() =>
        new(Directory.GetFiles(RepoPaths.Rules, "*.yaml")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Policies))]
    public void Report_RendersInChromium_WithoutErrors_AndWithEveryChart(string fileName)
    {
        var built = BuiltPolicy.FromRules(fileName);
        var outDir = _temp["out"];
        PolicyBuilds.BuildRule(fileName, outDir);
        var page = Path.Combine(outDir, "report.html");
        using var work = new TempFolder();

        var rendering = HeadlessChromium.Render(page, work);

        var console = HeadlessChromium.ConsoleMessages(rendering.Log);
        Assert.True(console.Count == 0, "the page logged console messages:\n" + string.Join('\n', console));
        foreach (var id in new[] { "warnings", "senders", "blocklists" })
        {
            Assert.Contains($"<section id=\"{id}\">", rendering.Dom, StringComparison.Ordinal);
        }

        var plan = built.Plan;
        var targets = (plan.Postfix?.Postscreen is null ? 0 : 1) + plan.ContentScorings.Count();
        Assert.Equal(plan.Policy.Senders.Count * targets, Charts().Count(rendering.Dom));
        Assert.True(Rects().Count(rendering.Dom) >= plan.Policy.Senders.Count * targets * 2);
        if (plan.Postfix is not null)
        {
            Assert.Contains("<section id=\"postfix-order\">", rendering.Dom, StringComparison.Ordinal);
        }

        AssertIsPicture(rendering.Png);
    }

    [Fact]
    public void ConsoleCheck_SeesABlockedLoad_SoTheReportTestCanFail()
    {
        // A page like the report but with an image from a loopback port: the report's content
        // security policy blocks it, and the browser says so on its console.
        var page = _temp.Write("bad.html", """
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>bad</title></head><body><p>bad</p><img src="http://127.0.0.1:9/x.png"></body></html>
            """);
        using var work = new TempFolder();

        var rendering = HeadlessChromium.Render(page, work);

        Assert.Contains(HeadlessChromium.ConsoleMessages(rendering.Log),
            m => m.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    private static void AssertIsPicture(byte[] png)
    {
        Assert.True(png.Length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "the screenshot is not a PNG");
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal((1000, 2400), (width, height));

        // Note: a blank 1000x2400 page compresses to a few kilobytes; text, tables and charts do not.
        Assert.True(png.Length > 50_000, $"the screenshot is only {png.Length} bytes: the page looks empty");
    }

    [GeneratedRegex("<svg class=\"chart\"")]
    private static partial Regex Charts();

    [GeneratedRegex("<rect ")]
    private static partial Regex Rects();
}
