using RuleForge.Tests.Support;
using RuleForge.Verification;
using Xunit;

namespace RuleForge.Tests.Report;

/// <summary>
/// Renders a local HTML file in Debian's headless Chromium, inside the loopback-only network
/// namespace (Chromium may try to reach Google services; there it cannot reach anything). Returns
/// the DOM after load, the browser's log and a PNG screenshot.
/// </summary>
public static class HeadlessChromium
{
    // Note: a fresh profile in a private HOME; background networking, sync, extensions and
    // component updates off; the console goes to stderr, where CONSOLE lines show page errors.
    private const string Script = """
        set -u
        page=$1; out=$2
        ip link set lo up
        printf 'nameserver 127.0.0.1\n' > "$out/resolv.conf"
        mount --bind "$out/resolv.conf" /etc/resolv.conf
        export HOME="$out/home"
        mkdir -p "$HOME"
        flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
               --no-default-browser-check --disable-component-update --disable-sync --disable-extensions
               --disable-default-apps --disable-domain-reliability --disable-breakpad
               --user-data-dir="$HOME/profile" --enable-logging=stderr --v=0)
        chromium "${flags[@]}" --dump-dom "file://$page" > "$out/dom.html" 2> "$out/dom.log"
        echo "dump-dom exit $?"
        chromium "${flags[@]}" --hide-scrollbars --window-size=1000,2400 --screenshot="$out/page.png" \
          "file://$page" > /dev/null 2> "$out/screenshot.log"
        echo "screenshot exit $?"
        """;

    /// <summary>What Chromium made of a page.</summary>
    public sealed record Rendering(string Dom, string Log, byte[] Png, string Transcript);

    /// <summary>
    /// Renders <paramref name="page"/> (an absolute path); fails loudly when Chromium or the
    /// sandbox is missing.
    /// </summary>
    public static Rendering Render(string page, TempFolder work)
    {
        Assert.True(ToolCheck.Find("chromium") is not null,
            "Chromium is not installed: run scripts/install-daemons.sh as root (Debian package 'chromium').");
        Assert.True(Sandbox.IsAvailable(out var reason), $"cannot render in a loopback-only namespace: {reason}");

        var script = work.Write("chromium-render.sh", Script);
        var (exit, transcript) =
            Sandbox.Run(script, [page, work.Path], TimeSpan.FromSeconds(120), ownPidNamespace: true);
        Assert.True(exit == 0, $"the render script failed ({exit}):\n{transcript}");
        Assert.Contains("dump-dom exit 0", transcript, StringComparison.Ordinal);
        Assert.Contains("screenshot exit 0", transcript, StringComparison.Ordinal);

        var png = work["page.png"];
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot:\n{File.ReadAllText(work["screenshot.log"])}");
        var log = File.ReadAllText(work["dom.log"]) + File.ReadAllText(work["screenshot.log"]);
        return new Rendering(File.ReadAllText(work["dom.html"]), log, File.ReadAllBytes(png), transcript);
    }

    /// <summary>
    /// The page's console messages (errors, CSP violations, failed loads) from the log. Messages
    /// of Chromium's own pages (source chrome://..., such as "Slow network is detected" from its
    /// UI under load) are not the page's and are left out.
    /// </summary>
    public static IReadOnlyList<string> ConsoleMessages(string log) =>
        log.Split('\n')
            .Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal))
            .Where(l => !l.Contains("source: chrome://", StringComparison.Ordinal))
            .ToList();
}
