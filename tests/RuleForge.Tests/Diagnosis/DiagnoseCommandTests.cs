using System.IO.Compression;
using System.Text;
using System.Text.Json;
using RuleForge.Tests.Support;
using Xunit;
using static RuleForge.Tests.Diagnosis.DiagnoseRun;

namespace RuleForge.Tests.Diagnosis;

/// <summary>Whole reports: trusted senders, error answers, inputs (gzip, stdin), bad lines and files.</summary>
public class DiagnoseCommandTests
{
    private const string TrustedBlocked =
        "Dec  4 15:00:00 mx1 postfix/dnsblog[1202]: addr 192.0.2.20 listed by domain zen.spamhaus.org as " +
        "127.0.0.4\n" +
        "Dec  4 15:00:01 mx1 postfix/postscreen[1201]: DNSBL rank 3 for [192.0.2.20]:40001\n" +
        "Dec  4 15:00:02 mx1 postfix/postscreen[1201]: NOQUEUE: reject: RCPT from [192.0.2.20]:40001: 550 5.7.1 " +
        "Service unavailable; client [192.0.2.20] blocked using zen.spamhaus.org; from=<fax@inbound.efax.com>, " +
        "to=<alice@example.net>, proto=ESMTP, helo=<fax1.example.com>\n" +
        "Dec  4 15:01:00 mx1 postfix/smtpd[1300]: NOQUEUE: reject: RCPT from fax2.example.com[198.51.100.10]: " +
        "554 5.7.1 Service unavailable; Client host [198.51.100.10] blocked using zen.spamhaus.org; " +
        "from=<fax@inbound.jfax.com> to=<bob@example.net> proto=ESMTP helo=<fax2.example.com>\n" +
        "Dec  4 15:02:00 mx1 postfix/smtpd[1301]: NOQUEUE: reject: RCPT from mail.example.org[203.0.113.200]: " +
        "554 5.7.1 Service unavailable; Client host [203.0.113.200] blocked using zen.spamhaus.org; " +
        "from=<news@example.org> to=<bob@example.net> proto=ESMTP helo=<mail.example.org>\n";

    [Fact]
    public void TrustedSender_BlockedByPostscreenAndBySmtpd_IsReported_WithWhatThePolicyWouldDo()
    {
        var report = JsonReport(TrustedBlocked);

        Assert.Equal(3, Number(report, "blocklistRejections"));
        Assert.Equal(2, Number(report, "trustedBlocked"));
        var trusted = report.GetProperty("trustedBlockedMessages").EnumerateArray().ToList();
        Assert.Equal(["postscreen", "smtpd"], trusted.Select(t => Text(t, "stage")));
        Assert.All(trusted, t => Assert.Equal("efax", Text(t, "sender")));
        Assert.All(trusted, t => Assert.StartsWith("delivered", Text(t, "policyFate"), StringComparison.Ordinal));
        Assert.Equal("pass", Text(trusted[0].GetProperty("explanation").GetProperty("stages")[0], "decision"));

        // The stranger is still rejected by the policy at connect.
        var smtpd = Group(report, "zen.spamhaus.org", "smtpd");
        var fates = smtpd.GetProperty("policyFates").EnumerateArray().Select(f => Text(f, "fate")).ToList();
        Assert.Contains("rejected at connect (postscreen)", fates);
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => Text(w, "code") == "RF1811");
    }

    [Fact]
    public void Json_TopLevel_StartsWithTheContractFields()
    {
        var report = JsonReport(TrustedBlocked);

        var names = report.EnumerateObject().Select(p => p.Name).Take(5);
        Assert.Equal(["lines", "events", "blocklistRejections", "trustedBlocked", "errorAnswers"], names);
        Assert.Equal(5, Number(report, "lines"));
        Assert.Equal(5, Number(report, "events"));
    }

    [Fact]
    public void ErrorAnswers_AreCountedApart_FromRealListings()
    {
        var log = TrustedBlocked +
            "Dec  4 15:03:00 mx1 postfix/smtpd[1302]: NOQUEUE: reject: RCPT from unknown[203.0.113.60]: 554 5.7.1 " +
            "Service unavailable; Client host [203.0.113.60] blocked using zen.spamhaus.org; Error: open " +
            "resolver; https://check.spamhaus.org/returnc/pub/203.0.113.1/; from=<a@example.com> " +
            "to=<b@example.net> proto=ESMTP helo=<x.example.com>\n" +
            "Dec  4 15:03:01 mx1 postfix/dnsblog[1202]: addr 203.0.113.61 listed by domain zen.spamhaus.org as " +
            "127.255.255.254\n";

        var report = JsonReport(log);

        Assert.Equal(3, Number(report, "blocklistRejections"));
        Assert.Equal(2, Number(report, "errorAnswers"));
        Assert.Equal(3, Number(Group(report, "zen.spamhaus.org", "smtpd"), "count") +
            Number(Group(report, "zen.spamhaus.org", "postscreen"), "count"));
    }

    [Fact]
    public void GzipInput_IsRecognisedByItsMagicBytes_WhateverItsName()
    {
        using var temp = new TempFolder();
        var plain = temp.Write("plain.log", TrustedBlocked);
        var zipped = temp["rotated.log.1"];
        using (var file = File.Create(zipped))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(TrustedBlocked));
        }

        var result = CliRunner.Run("diagnose", zipped, plain, "--policy", Efax, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(10, Number(report, "lines"));
        Assert.Equal(4, Number(report, "trustedBlocked"));
    }

    [Fact]
    public void Stdin_IsReadForADash()
    {
        var result = CliRunner.RunWithInput(Encoding.UTF8.GetBytes(TrustedBlocked),
            "diagnose", "-", "--policy", Efax);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("trusted senders blocked: 2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("efax: -:3:1 postscreen 550 5.7.1, client 192.0.2.20", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedAndTruncatedLines_AreSkippedAndCounted()
    {
        var log =
            "not a log line at all\n" +
            "Dec  4 15:0\n" +
            "Dec  4 15:01:00 mx1 postfix/smtpd[1300]: NOQUEUE: reject: RCPT from mail.example.org[203.0.11\n" +
            "Dec  4 15:01:00 mx1 postfix/smtpd[1300]: NOQUEUE: reject: RCPT from x[203.0.113.9]: 554 5.7.1 " +
            "Service unavailable; Client host [203.0.113.9] blocked using\n" +
            "Dec  4 15:04:00 mx1 rspamd[900]: <a1>; task; rspamd_task_write_log: id: <m@example.org>, ip: " +
            "203.0.113.9, (default: F (reject): [16.50/15.00] [RBL_SPAMHAUS_ZEN(6.5\n" +
            "Dec  4 15:00:01 mx1 postfix/postscreen[1201]: DNSBL rank x for [203.0.113.9]:1\n" +
            "\u0000\u00ff\u00fe binary \r\n" +
            new string('x', 70_000) + "\n" +
            TrustedBlocked;

        var report = JsonReport(log);

        Assert.Equal(8, Number(report, "skipped"));
        Assert.Equal(13, Number(report, "lines"));
        Assert.Equal(2, Number(report, "trustedBlocked"));
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => Text(w, "code") == "RF1812");
    }

    [Fact]
    public void UnreadableFile_IsADiagnostic_AndExit1_WithoutAReport()
    {
        using var temp = new TempFolder();
        var good = temp.Write("good.log", TrustedBlocked);

        var result = CliRunner.Run("diagnose", good, temp["missing.log"], "--policy", Efax);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("error RF1801: cannot read the log", result.Stderr, StringComparison.Ordinal);
        Assert.False(StackTraces.In(result.Stderr), result.Stderr);
    }

    [Fact]
    public void ControlCharactersFromTheLog_AreEscapedInTheTextReport()
    {
        // A crafted zone and sender with terminal escape sequences: the report shows them as \u001b.
        const string Log =
            "Dec  4 15:00:00 mx1 postfix/smtpd[1300]: NOQUEUE: reject: RCPT from x[192.0.2.8]: 554 5.7.1 " +
            "Service unavailable; Client host [192.0.2.8] blocked using zen.spamhaus.org\u001b[31m; " +
            "from=<news\u001b[2J@example.org> to=<bob@example.net> proto=ESMTP helo=<x>\n";

        var result = CliRunner.RunWithInput(Log, "diagnose", "-", "--policy", Efax);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.Contains("zen.spamhaus.org\\u001b[31m", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("news\\u001b[2J@example.org", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInputTwice_IsAUsageError()
    {
        var result = CliRunner.RunWithInput(TrustedBlocked, "diagnose", "-", "-", "--policy", Efax);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("standard input ('-') can be read only once", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenGzip_IsADiagnostic_AndExit1()
    {
        using var temp = new TempFolder();
        var path = temp["broken.gz"];

        // The gzip magic and a header whose compression method (0x07) is not deflate.
        File.WriteAllBytes(path, [0x1f, 0x8b, 0x07, 0x00, 0, 0, 0, 0, 0, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00]);

        var result = CliRunner.Run("diagnose", path, "--policy", Efax);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("error RF1802", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPolicy_IsExit1()
    {
        using var temp = new TempFolder();
        var log = temp.Write("mail.log", TrustedBlocked);

        var result = CliRunner.Run("diagnose", log, "--policy", temp["nope.yaml"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }
}
