using System.Text;
using RuleForge.Diagnosis;
using Xunit;

namespace RuleForge.Tests.Diagnosis;

/// <summary>
/// Most lines of a mail log are dropped right after their syslog prefix is split, so the split of
/// the classic prefix takes a vector shortcut. It must split every line exactly as the plain search
/// does: same answer, same time, program, pid and message.
/// </summary>
public class SyslogPrefixTests
{
    private static readonly string[] Prefixes =
    [
        "Dec  4 15:00:00 mx1 ", "Dec 14 15:00:00 mail.example.org ", "Jan  1 00:00:00 h ", "Jan  1 00:00:00  ",
        "Jan  1 00:00:00 " + new string('h', 31) + " ", "Jan  1 00:00:00 " + new string('h', 32) + " ",
        "Jan  1 00:00:00 " + new string('h', 40) + " ", "2026-12-04T15:00:00.123456+00:00 mx1 ",
        "2026-12-04 15:00:00 #1234(normal) ", "Dec  4 15:00:00", "Dec  4 15:00:00 mx1",
    ];

    private static readonly string[] Tags =
    [
        "postfix/smtpd[3000]: ", "postfix/postscreen[1200]: ", "postfix/qmgr[900]: ", "postfix-out/smtpd[1]: ",
        "postfix/submission/smtpd[7]: ", "postfix/smtpd: ", "rspamd[800]: ", "spamd[7000]: ", "dovecot: ",
        "kernel: ", "foo:bar[1]: ", "prog[]: ", "prog[12x]: ", "prog[1]x: ", "[1]: ", ": ", "::  ", "x[1]:", "x[1] ",
        "prog[1: 2]: ", "p[1]]: ", new string('p', 28) + "[1]: ", new string('p', 29) + ": ",
        new string('p', 30) + ": ",
        new string('p', 31) + ": ", new string('p', 26) + "[12]: ", new string('p', 40) + "[1]: ", "",
    ];

    private static readonly string[] Messages =
    [
        "", "x", "connect from mail.example.org[192.0.2.1]", "4A1B2C: removed",
        "NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 Service unavailable; Client host [192.0.2.1] " +
        "blocked using zen.spamhaus.org; from=<a@example.org> to=<b@example.net> proto=ESMTP helo=<x>",
        new string('m', 200), "a: b: c",
    ];

    [Fact]
    public void TheVectorShortcut_SplitsEveryLineAsTheSearchDoes()
    {
        var lines = Prefixes.SelectMany(p => Tags.SelectMany(t => Messages.Select(m => p + t + m))).ToList();
        // Every cut of one long line too: lengths around where the shortcut starts to apply.
        var whole = Prefixes[0] + Tags[0] + Messages[4];
        lines.AddRange(Enumerable.Range(0, whole.Length).Select(n => whole[..n]));
        var shortcuts = 0;
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            var quick = SyslogLine.TryParse(bytes, out var a);
            var search = SyslogLine.TryParseBySearch(bytes, out var b);
            Assert.True(quick == search, $"answer differs: '{line}'");
            Assert.True(a.Time.SequenceEqual(b.Time) && a.Program.SequenceEqual(b.Program) && a.Pid.SequenceEqual(b.Pid)
                && a.Message.SequenceEqual(b.Message), $"split differs: '{line}'");
            shortcuts += bytes.Length >= 80 && line.StartsWith("Dec", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(shortcuts > 300, $"only {shortcuts} lines long enough for the shortcut");
    }
}
