using System.Text;
using RuleForge.Diagnosis;
using RuleForge.Pipeline;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Diagnosis;

/// <summary>
/// The quick check that drops most lines of a mail log must drop only lines the full parse would
/// also ignore: no item, no event, no skipped line.
/// </summary>
public class FastDropTests
{
    private static readonly string[] Prefixes =
    [
        "Dec  4 15:00:00 mx1 ", "Dec 14 15:00:00 mail.example.org ", "Jan  1 00:00:00 h ",
    ];

    private static readonly string[] Tags =
    [
        "postfix/smtpd[3000]: ", "postfix/smtp[4000]: ", "postfix/postscreen[1200]: ", "postfix/dnsblog[1201]: ",
        "postfix/cleanup[3500]: ", "postfix/qmgr[900]: ", "postfix/local[5000]: ", "postfix-out/smtpd[1]: ",
        "postfix/submission/smtpd[7]: ", "postfixadmin[2]: ", "postfix/smtpd: ", "rspamd[800]: ", "spamd[7000]: ",
        "dovecot: ", "CRON[6000]: ", "kernel: ", "sshd[8000]: ", "foo:bar[1]: ", "prog[]: ", "prog[12x]: ", ": ",
        "spamd: ", "rspamd: ", "x[1]:", "x[1] ", "postfix/smtpd[1]:",
    ];

    private static readonly string[] Messages =
    [
        "connect from mail.example.org[192.0.2.1]", "disconnect from x[192.0.2.1] ehlo=1 quit=1",
        "CONNECT from [192.0.2.1]:40000 to [203.0.113.25]:25", "PASS OLD [192.0.2.1]:40000",
        "DISCONNECT [192.0.2.1]:40000", "DNSBL rank 3 for [192.0.2.1]:40000",
        "NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 Service unavailable; Client host [192.0.2.1] " +
        "blocked using zen.spamhaus.org; from=<a@example.org> to=<b@example.net> proto=ESMTP helo=<x>",
        "4A1B2C: client=x[192.0.2.1]", "4A1B2C: message-id=<m@example.org>", "4A1B2C: from=<a@example.org>, size=1",
        "4A1B2C: removed", "addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.2",
        "spamd: checking message <m@example.org> for x:1", "spamd: result: Y 9 - RCVD_IN_ZEN scantime=0.4",
        "<4A1B2C>; task; rspamd_task_write_log: id: <m>, (default: T (reject): [16.40/15.00] " +
        "[RBL_SPAMHAUS_ZEN(6.50){2.1.0.192.zen.spamhaus.org : 127.0.0.2;}]), len: 1",
        "", "warning: hostname x does not resolve", "Connection closed by 192.0.2.1 port 50000",
    ];

    [Fact]
    public void EveryLineTheQuickCheckDrops_TheFullParseIgnoresToo()
    {
        var plan = BuildPipeline.Prepare(Path.Combine(RepoPaths.Root, "rules", "efax.yaml"), "rules/efax.yaml",
            new PolicyDefaults()).Plan!;
        var parser = new LineParser(new BlocklistNames(plan), plan.Postfix?.Postscreen?.Threshold);
        int dropped = 0, kept = 0;
        foreach (var line in Prefixes.SelectMany(p => Tags.SelectMany(t => Messages.Select(m => p + t + m))))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            if (!LineParser.IsSurelyDropped(bytes))
            {
                kept++;
                continue;
            }

            dropped++;
            var block = new ScanBlock();
            parser.ParseLine(bytes, block, 1);
            Assert.True(block.Items.Count == 0 && block.Events == 0 && block.Skipped == 0,
                $"dropped but the full parse reads it: {line}");
        }

        Assert.True(dropped > 300 && kept > 300, $"{dropped} dropped, {kept} kept");
    }
}
