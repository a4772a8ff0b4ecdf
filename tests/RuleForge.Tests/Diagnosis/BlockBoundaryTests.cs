using System.Text;
using Xunit;
using static RuleForge.Tests.Diagnosis.DiagnoseRun;

namespace RuleForge.Tests.Diagnosis;

/// <summary>
/// Diagnose cuts logs into blocks of about a megabyte and parses them on several threads: lines
/// that belong together may sit in different blocks, and locations count lines over all blocks.
/// </summary>
public class BlockBoundaryTests
{
    private const string Filler =
        "Dec  4 15:00:00 mx1 postfix/smtpd[1300]: connect from mail.example.org[203.0.113.9]\n";

    [Fact]
    public void LinesOfOneMessage_InDifferentBlocks_AreCorrelated_AndLocationsCountEveryLine()
    {
        // Queue and spamd lines, then several blocks' worth of other lines, then the verdict; then
        // more blocks and a reject whose line number is known.
        var log = new StringBuilder()
            .Append("Dec  4 15:05:00 mx1 postfix/smtpd[1400]: 5CD34: client=relay.example.com[203.0.113.77]\n")
            .Append("Dec  4 15:05:00 mx1 postfix/cleanup[1401]: 5CD34: message-id=<r1@example.com>\n")
            .Append("Dec  4 15:05:00 mx1 postfix/qmgr[1402]: 5CD34: from=<shop@example.com>, size=1, nrcpt=1\n")
            .Append("Dec  4 15:05:01 mx1 spamd[2000]: spamd: checking message <r1@example.com> for x:114\n");
        var fillers = (3 << 20) / Filler.Length;
        for (var i = 0; i < fillers; i++)
        {
            log.Append(Filler);
        }

        log.Append("Dec  4 15:05:02 mx1 spamd[2000]: spamd: result: Y 12 - RCVD_IN_ZEN,HTML_MESSAGE ")
            .Append("scantime=0.5,size=1234,user=x,uid=114,required_score=5.0,rhost=localhost,raddr=127.0.0.1\n");
        var verdictLine = 4 + fillers + 1;
        for (var i = 0; i < fillers; i++)
        {
            log.Append(Filler);
        }

        log.Append("Dec  4 15:06:00 mx1 postfix/smtpd[1300]: NOQUEUE: reject: RCPT from mail.example.org")
            .Append("[203.0.113.200]: 554 5.7.1 Service unavailable; Client host [203.0.113.200] blocked using ")
            .Append("bl.spamcop.net; from=<news@example.org> to=<bob@example.net> proto=ESMTP helo=<x>");
        var rejectLine = verdictLine + fillers + 1;

        var report = JsonReport(log.ToString());

        Assert.Equal(rejectLine, Number(report, "lines"));
        Assert.Equal(3, Number(report, "events"));
        var spam = Example(report, "zen.spamhaus.org", "spamassassin");
        Assert.Equal("r1@example.com", Text(spam, "messageId"));
        Assert.Equal("203.0.113.77", Text(spam, "clientIp"));
        Assert.Equal("shop@example.com", Text(spam, "envelopeFrom"));
        Assert.EndsWith($"mail.log:{verdictLine}:1", Text(spam, "location"), StringComparison.Ordinal);
        var reject = Example(report, "bl.spamcop.net", "smtpd");
        Assert.EndsWith($"mail.log:{rejectLine}:1", Text(reject, "location"), StringComparison.Ordinal);
    }
}
