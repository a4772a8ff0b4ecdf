using Xunit;
using static RuleForge.Tests.Diagnosis.DiagnoseRun;

namespace RuleForge.Tests.Diagnosis;

/// <summary>One test per log line kind, each on a small anonymised excerpt.</summary>
public class LineKindTests
{
    [Fact]
    public void SmtpdRcptReject_IsABlocklistRejection_WithClientSenderAndRecipient()
    {
        var report = JsonReport(
            "Dec  4 15:01:00 mx1 postfix/smtpd[1300]: NOQUEUE: reject: RCPT from mail.example.org[203.0.113.200]: " +
            "554 5.7.1 Service unavailable; Client host [203.0.113.200] blocked using zen.spamhaus.org; " +
            "https://www.spamhaus.org/query/ip/203.0.113.200; from=<news@example.org> to=<bob@example.net> " +
            "proto=ESMTP helo=<mail.example.org>\n");

        Assert.Equal(1, Number(report, "blocklistRejections"));
        Assert.Equal(1, Number(report, "events"));
        var e = Example(report, "zen.spamhaus.org", "smtpd");
        Assert.Equal("203.0.113.200", Text(e, "clientIp"));
        Assert.Equal("news@example.org", Text(e, "envelopeFrom"));
        Assert.Equal("bob@example.net", Text(e, "recipient"));
        Assert.Equal("554 5.7.1", Text(e, "verdict"));
        Assert.Equal("spamhaus-zen", Text(Group(report, "zen.spamhaus.org", "smtpd"), "blocklist"));
    }

    [Fact]
    public void SmtpdRhsblSenderReject_NamesTheSenderDomainList()
    {
        var report = JsonReport(
            "Dec  4 15:01:00 mx1 postfix/smtpd[1300]: 4BC5D6E7F8: reject: RCPT from mail.example.org[203.0.113.7]: " +
            "554 5.7.1 <news@spam.example.org>: Sender address rejected: Service unavailable; Sender address " +
            "[news@spam.example.org] blocked using dbl.spamhaus.org; from=<news@spam.example.org> " +
            "to=<bob@example.net> proto=ESMTP helo=<mail.example.org>\n");

        var e = Example(report, "dbl.spamhaus.org", "smtpd");
        Assert.Equal("554 5.7.1 (sender)", Text(e, "verdict"));
        Assert.Null(Text(Group(report, "dbl.spamhaus.org", "smtpd"), "blocklist"));
    }

    [Fact]
    public void PostscreenReject_ReadsItsCommaSeparatedFields()
    {
        var report = JsonReport(
            "Dec  4 15:00:02 mx1 postfix/postscreen[1201]: NOQUEUE: reject: RCPT from [198.51.100.200]:40001: " +
            "550 5.7.1 Service unavailable; client [198.51.100.200] blocked using zen.spamhaus.org; " +
            "from=<bulk@example.org>, to=<alice@example.net>, proto=ESMTP, helo=<mail.example.org>\n");

        var e = Example(report, "zen.spamhaus.org", "postscreen");
        Assert.Equal("198.51.100.200", Text(e, "clientIp"));
        Assert.Equal("bulk@example.org", Text(e, "envelopeFrom"));
        Assert.Equal("alice@example.net", Text(e, "recipient"));
        Assert.Equal("550 5.7.1", Text(e, "verdict"));
    }

    [Fact]
    public void DnsblogAnswer_GivesTheListingCodeOfALaterPostscreenReject()
    {
        var report = JsonReport(
            "Dec  4 15:00:00 mx1 postfix/dnsblog[1202]: addr 2001:db8:99::5 listed by domain zen.spamhaus.org " +
            "as 127.0.0.11\n" +
            "Dec  4 15:00:02 mx1 postfix/postscreen[1201]: NOQUEUE: reject: RCPT from [2001:db8:99::5]:40001: " +
            "550 5.7.1 Service unavailable; client [2001:db8:99::5] blocked using zen.spamhaus.org; " +
            "from=<a@example.org>, to=<b@example.net>, proto=ESMTP, helo=<x.example.org>\n");

        var hit = Example(report, "zen.spamhaus.org", "postscreen").GetProperty("blocklists")[0];
        Assert.Equal("127.0.0.11", Text(hit, "answer"));
        Assert.Null(Text(hit, "error"));
        Assert.Equal(2, Number(report, "events"));
    }

    [Fact]
    public void DnsblRankWithSeveralDigits_AndNoRejectLine_IsAPostscreenDrop()
    {
        var report = JsonReport(
            "Dec  4 15:00:00 mx1 postfix/dnsblog[1202]: addr 203.0.113.201 listed by domain bl.spamcop.net as " +
            "127.0.0.2\n" +
            "Dec  4 15:00:01 mx1 postfix/postscreen[1201]: DNSBL rank 12 for [203.0.113.201]:40001\n" +
            "Dec  4 15:00:01 mx1 postfix/postscreen[1201]: DISCONNECT [203.0.113.201]:40001\n");

        var e = Example(report, "bl.spamcop.net", "postscreen");
        Assert.Equal("dropped, DNSBL rank 12", Text(e, "verdict"));
        Assert.Equal(3, Number(report, "events"));
    }

    [Fact]
    public void DnsblRankAndDisconnect_OfAnIPv6Client_AreOneDrop_WithTheDnsblogAnswer()
    {
        // The rank's address is parsed from text, the disconnect's and dnsblog's kept from the line's
        // bytes; an IPv6 address is too long to pack, so all three must meet as the same text key.
        var report = JsonReport(
            "Dec  4 15:00:00 mx1 postfix/dnsblog[1202]: addr 2001:db8:7::2a listed by domain bl.spamcop.net as " +
            "127.0.0.2\n" +
            "Dec  4 15:00:01 mx1 postfix/postscreen[1201]: DNSBL rank 4 for [2001:db8:7::2a]:40001\n" +
            "Dec  4 15:00:01 mx1 postfix/postscreen[1201]: DISCONNECT [2001:db8:7::2a]:40001\n");

        var e = Example(report, "bl.spamcop.net", "postscreen");
        Assert.Equal("dropped, DNSBL rank 4", Text(e, "verdict"));
        Assert.Equal("2001:db8:7::2a", Text(e, "clientIp"));
        Assert.Equal("127.0.0.2", Text(e.GetProperty("blocklists")[0], "answer"));
    }

    [Fact]
    public void PassAndListedSpellings_AreRecognised_AndAPassEndsTheRank()
    {
        var report = JsonReport(
            "Dec  4 15:00:00 mx1 postfix/dnsblog[1202]: addr 203.0.113.202 listed by domain bl.spamcop.net as " +
            "127.0.0.2\n" +
            "Dec  4 15:00:01 mx1 postfix/postscreen[1201]: DNSBL rank 3 for [203.0.113.202]:40001\n" +
            "Dec  4 15:00:01 mx1 postfix/postscreen[1201]: PASS NEW [203.0.113.202]:40001\n" +
            "Dec  4 15:00:02 mx1 postfix/postscreen[1201]: DISCONNECT [203.0.113.202]:40001\n" +
            "Dec  4 15:00:03 mx1 postfix/postscreen[1201]: PASS OLD [203.0.113.203]:40002\n" +
            "Dec  4 15:00:04 mx1 postfix/postscreen[1201]: WHITELISTED [192.0.2.10]:40003\n" +
            "Dec  4 15:00:04 mx1 postfix/postscreen[1201]: ALLOWLISTED [192.0.2.11]:40004\n" +
            "Dec  4 15:00:05 mx1 postfix/postscreen[1201]: BLACKLISTED [203.0.113.204]:40005\n" +
            "Dec  4 15:00:05 mx1 postfix/postscreen[1201]: DENYLISTED [203.0.113.205]:40006\n");

        Assert.Equal(9, Number(report, "events"));
        Assert.Equal(0, Number(report, "blocklistRejections"));
    }

    [Fact]
    public void OpenResolverReplyText_IsAnErrorAnswer_NotAListing()
    {
        var report = JsonReport(
            "Dec  4 15:02:00 mx1 postfix/smtpd[1301]: NOQUEUE: reject: RCPT from unknown[203.0.113.50]: 554 5.7.1 " +
            "Service unavailable; Client host [203.0.113.50] blocked using zen.spamhaus.org; Error: open resolver; " +
            "https://check.spamhaus.org/returnc/pub/203.0.113.1/; from=<a@example.com> to=<b@example.net> " +
            "proto=ESMTP helo=<x.example.com>\n");

        Assert.Equal(0, Number(report, "blocklistRejections"));
        Assert.Equal(1, Number(report, "errorAnswers"));
        var group = report.GetProperty("errorAnswerGroups")[0];
        Assert.Equal("open resolver", Text(group, "kind"));
        Assert.Equal(1, Number(group, "blocked"));
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => Text(w, "code") == "RF1810");
    }

    [Fact]
    public void DnsblogExcessiveQueriesAnswer_IsAnErrorAnswer()
    {
        var report = JsonReport(
            "2026-12-04T15:03:00.123456+00:00 mx1 postfix/dnsblog[1202]: addr 203.0.113.51 listed by domain " +
            "zen.spamhaus.org as 127.255.255.255\n");

        var group = report.GetProperty("errorAnswerGroups")[0];
        Assert.Equal("excessive queries", Text(group, "kind"));
        Assert.Equal("127.255.255.255", Text(group, "answer"));
        Assert.Equal(0, Number(group, "blocked"));
    }

    [Fact]
    public void RspamdTaskLine_InSyslog_GivesZoneAnswerScoreAndVerdict()
    {
        var report = JsonReport(
            "Dec  4 15:04:00 mx1 rspamd[900]: <a1b2c3>; task; rspamd_task_write_log: id: <m1@example.org>, " +
            "qid: <4AB12>, ip: 203.0.113.9, from: <x@example.org>, (default: F (reject): [16.50/15.00] " +
            "[RBL_SPAMHAUS_ZEN(6.50){9.113.0.203.zen.spamhaus.org : 127.0.0.3;},BAYES_SPAM(10.00){99%;}]), " +
            "len: 1234, time: 100ms, dns req: 4, digest: <abc>, rcpts: <bob@example.net>\n");

        var e = Example(report, "zen.spamhaus.org", "rspamd");
        Assert.Equal("reject 16.50/15.00", Text(e, "verdict"));
        Assert.Equal("m1@example.org", Text(e, "messageId"));
        var hit = e.GetProperty("blocklists")[0];
        Assert.Equal("127.0.0.3", Text(hit, "answer"));
        Assert.Equal("RBL_SPAMHAUS_ZEN", Text(hit, "rule"));
        Assert.Equal(6.5, hit.GetProperty("score").GetDouble());
    }

    [Fact]
    public void RspamdOwnLogFile_AndAnOpenResolverSymbol_AreRead()
    {
        var report = JsonReport(
            "2026-12-04 15:04:00 #900(normal) <a1b2c3>; task; rspamd_task_write_log: id: <m2@example.org>, " +
            "qid: <4AB13>, ip: 203.0.113.10, from: <y@example.org>, (default: F (no action): [0.00/15.00] " +
            "[RBL_SPAMHAUS_BLOCKED_OPENRESOLVER(0.00){10.113.0.203.zen.spamhaus.org : 127.255.255.254;}]), " +
            "len: 99, time: 10ms, dns req: 1, digest: <abd>, rcpts: <bob@example.net>\n");

        Assert.Equal(1, Number(report, "events"));
        Assert.Equal(1, Number(report, "errorAnswers"));
        Assert.Equal("open resolver", Text(report.GetProperty("errorAnswerGroups")[0], "kind"));
    }

    [Fact]
    public void SpamdResult_IsCorrelated_ByPidAndMessageIdWithPostfixQueueLines()
    {
        var report = JsonReport(
            "Dec  4 15:05:00 mx1 postfix/smtpd[1400]: 5CD34: client=relay.example.com[203.0.113.77]\n" +
            "Dec  4 15:05:00 mx1 postfix/cleanup[1401]: 5CD34: message-id=<r1@example.com>\n" +
            "Dec  4 15:05:00 mx1 postfix/qmgr[1402]: 5CD34: from=<shop@example.com>, size=1234, nrcpt=1 " +
            "(queue active)\n" +
            "Dec  4 15:05:01 mx1 spamd[2000]: spamd: checking message <r1@example.com> for debian-spamd:114\n" +
            "Dec  4 15:05:02 mx1 spamd[2000]: spamd: identified spam (12.3/5.0) for debian-spamd:114 in 0.5 " +
            "seconds, 1234 bytes.\n" +
            "Dec  4 15:05:02 mx1 spamd[2000]: spamd: result: Y 12 - RCVD_IN_ZEN,HTML_MESSAGE " +
            "scantime=0.5,size=1234,user=debian-spamd,uid=114,required_score=5.0,rhost=localhost," +
            "raddr=127.0.0.1,rport=40000,autolearn=no\n");

        var e = Example(report, "zen.spamhaus.org", "spamassassin");
        Assert.Equal("spam 12.3/5.0", Text(e, "verdict"));
        Assert.Equal("r1@example.com", Text(e, "messageId"));
        Assert.Equal("203.0.113.77", Text(e, "clientIp"));
        Assert.Equal("shop@example.com", Text(e, "envelopeFrom"));
        Assert.Equal(3, Number(report, "events"));
    }

    [Fact]
    public void SpamdCleanResult_IsNoVerdict()
    {
        var report = JsonReport(
            "Dec  4 15:05:01 mx1 spamd[2001]: spamd: clean message (2.0/5.0) for debian-spamd:114 in 0.5 " +
            "seconds, 1234 bytes.\n" +
            "Dec  4 15:05:01 mx1 spamd[2001]: spamd: result: . 2 - RCVD_IN_ZEN scantime=0.5,size=1234," +
            "mid=<r2@example.com>,autolearn=no\n");

        Assert.Equal(2, Number(report, "events"));
        Assert.Equal(0, Number(report, "blocklistRejections"));
    }
}
