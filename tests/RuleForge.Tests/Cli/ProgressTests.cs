using RuleForge.Cli;
using RuleForge.Tests.Spf;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Cli;

/// <summary>
/// Long work (feeds, DNS) shows one progress line on stderr, rewritten with carriage returns
/// and cleared at the end, only when stderr is a terminal; never in CI logs, tests or with --quiet.
/// </summary>
public sealed class ProgressTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_AtATerminal_ShowsTheFeedBeingRead_AndClearsTheLineBeforeDiagnostics()
    {
        var result = CliRunner.RunAt(true, "build", Path.Combine(RepoPaths.Rules, "efax.yaml"), "--out", _temp["out"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var shown = "\rreading feed efax-egress (feeds/efax-egress.json)";
        var at = result.Stderr.IndexOf(shown, StringComparison.Ordinal);
        Assert.True(at >= 0, result.ToString());
        var cleared = "\r" + new string(' ', shown.Length - 1) + "\r";
        var clear = result.Stderr.IndexOf(cleared, at, StringComparison.Ordinal);
        Assert.True(clear > at, "the progress line is not cleared: " + result);
        var firstDiagnostic = result.Stderr.IndexOf("warning RF", StringComparison.Ordinal);
        Assert.True(firstDiagnostic > clear, "a diagnostic was printed before the progress line was cleared");
        Assert.DoesNotContain('\r', result.Stdout);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_NotAtATerminal_OrQuiet_ShowsNoProgress(bool quiet)
    {
        string[] args = ["build", Path.Combine(RepoPaths.Rules, "efax.yaml"), "--out", _temp["out"]];

        var result = quiet ? CliRunner.RunAt(true, [.. args, "--quiet"]) : CliRunner.RunAt(false, args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain('\r', result.Stderr);
        Assert.DoesNotContain("reading feed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SpfFlatten_AtATerminal_ShowsEachDnsQuestion_AndNotElsewhere()
    {
        using var dns = new LoopbackDnsServer()
            .Txt("p.example", "v=spf1 include:_spf.p.example -all")
            .Txt("_spf.p.example", "v=spf1 ip4:192.0.2.0/28");

        var terminal = CliRunner.RunAt(true, "spf", "flatten", "p.example", "--dns-server", dns.Flag);
        var plain = CliRunner.RunAt(false, "spf", "flatten", "p.example", "--dns-server", dns.Flag);
        var quiet = CliRunner.RunAt(true, "spf", "flatten", "p.example", "--dns-server", dns.Flag, "--quiet");

        Assert.True(terminal.ExitCode == 0, terminal.ToString());
        Assert.Contains("\rDNS question 1: p.example TXT", terminal.Stderr, StringComparison.Ordinal);
        Assert.Contains("\rDNS question 2: _spf.p.example TXT", terminal.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\r", terminal.Stderr, StringComparison.Ordinal);
        Assert.Equal(plain.Stdout, terminal.Stdout);
        Assert.DoesNotContain('\r', plain.Stderr);
        Assert.DoesNotContain('\r', quiet.Stderr);
    }

    [Fact]
    public void Progress_RewritesOneLine_BlanksWhatALongerMessageLeft_AndNeutralisesControlCharacters()
    {
        using var writer = new StringWriter();
        var io = new CliIo(TextWriter.Null, writer) { ErrorIsTerminal = true };

        using (var progress = TerminalProgress.For(io, quiet: false)!)
        {
            progress.Report("a longer message");
            progress.Report("short\u001b[2J");
        }

        // The second message is padded to blank the first; clearing then blanks what it shows.
        Assert.Equal("\ra longer message\rshort?[2J       \r         \r", writer.ToString());
        Assert.Null(TerminalProgress.For(io, quiet: true));
        Assert.Null(TerminalProgress.For(io with { ErrorIsTerminal = false }, quiet: false));
    }
}
