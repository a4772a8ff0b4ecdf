using System.Text;
using System.Text.Json;
using RuleForge.Diagnosis;
using RuleForge.Pipeline;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Diagnosis;

/// <summary>
/// Blocks are parsed on several threads and applied in read order: the report must not depend on
/// the number of threads. A mixed log of several blocks, with queue, spamd and postscreen lines of
/// one message spread over block boundaries, is read on one thread and on four.
/// </summary>
public class ParallelScanTests
{
    [Fact]
    public async Task WarmUp_CompilesTheHotMethodsWithoutError()
    {
        // It reflects over the assembly's methods; one it cannot prepare would fault the task.
        await LogDiagnoser.WarmUp();
    }

    [Fact]
    public void Report_IsTheSame_OnOneThreadAndOnFour()
    {
        var plan = BuildPipeline.Prepare(Path.Combine(RepoPaths.Root, "rules", "efax.yaml"), "rules/efax.yaml",
            new PolicyDefaults()).Plan!;
        var log = Encoding.UTF8.GetBytes(MixedLog(seed: 3, lines: 150_000));
        Assert.True(log.Length > 4 * LogLineReader.BlockSize, "the log must span several blocks");

        var one = Report(plan, log, processors: 1);
        var four = Report(plan, log, processors: 4);

        Assert.Equal(one, four);
        using var doc = JsonDocument.Parse(one);
        Assert.Equal(150_000, doc.RootElement.GetProperty("lines").GetInt64());
        Assert.True(doc.RootElement.GetProperty("blocklistRejections").GetInt64() > 100);
        Assert.True(doc.RootElement.GetProperty("trustedBlocked").GetInt64() > 0);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    public void ReadErrorAfterSomeBlocks_StopsTheRunWithItsDiagnostic(int processors, bool gzip)
    {
        // The error comes from the reading thread after several blocks were handed to the parsers:
        // the run must end (no hang), with the error's diagnostic and no report.
        var plan = BuildPipeline.Prepare(Path.Combine(RepoPaths.Root, "rules", "efax.yaml"), "rules/efax.yaml",
            new PolicyDefaults()).Plan!;
        var log = Encoding.UTF8.GetBytes(MixedLog(seed: 5, lines: 60_000));
        Exception failure = gzip ? new InvalidDataException("corrupt block") : new IOException("device gone");
        var failAt = 3 * LogLineReader.BlockSize;
        var input = new LogInput("mail.log", () => new FailingStream(log, failAt, failure));

        var result = LogDiagnoser.Diagnose(plan, [input], processors);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Errors);
        Assert.Equal(gzip ? "RF1802" : "RF1801", error.Code);
        Assert.Contains(failure.Message, error.Message, StringComparison.Ordinal);
    }

    private static string Report(RuleForge.Planning.BuildPlan plan, byte[] log, int processors)
    {
        var result = LogDiagnoser.Diagnose(plan, [new LogInput("mail.log", () => new MemoryStream(log))], processors);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            DiagnosisWriter.WriteJson(result.Report!, w);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Lines of every kind diagnose reads, among many it drops; ~2% of clients trusted.</summary>
    private static string MixedLog(int seed, int lines)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        string[] zones = ["zen.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org"];
        for (var i = 0; i < lines; i++)
        {
            var ip = random.Next(50) == 0 ? $"192.0.2.{1 + random.Next(60)}" : $"203.0.113.{100 + random.Next(150)}";
            var q = $"{10 + (i % 6):X}{i:X5}";
            var head = $"Dec  4 15:{i / 60 % 60:00}:{i % 60:00} mx1 ";
            var line = random.Next(16) switch
            {
                0 => $"postfix/smtpd[{3000 + (i % 50)}]: connect from mail.example.org[{ip}]",
                1 => $"postfix/postscreen[1200]: PASS OLD [{ip}]:{40000 + i}",
                2 => $"postfix/postscreen[1200]: DISCONNECT [{ip}]:{40000 + i}",
                3 => $"postfix/dnsblog[1201]: addr {ip} listed by domain {zones[random.Next(3)]} " +
                    $"as 127.0.0.{2 + random.Next(10)}",
                4 => $"postfix/postscreen[1200]: DNSBL rank {1 + random.Next(6)} for [{ip}]:{40000 + i}",
                5 => $"postfix/postscreen[1200]: NOQUEUE: reject: RCPT from [{ip}]:{40000 + i}: 550 5.7.1 Service " +
                    $"unavailable; client [{ip}] blocked using zen.spamhaus.org; from=<x@example.org>, " +
                    "to=<u@example.net>, proto=ESMTP, helo=<mail.example.org>",
                6 => $"postfix/smtpd[3001]: NOQUEUE: reject: RCPT from mail.example.org[{ip}]: 554 5.7.1 Service " +
                    $"unavailable; Client host [{ip}] blocked using {zones[random.Next(3)]}; from=<news@example.org> " +
                    "to=<u@example.net> proto=ESMTP helo=<mail.example.org>",
                7 => $"postfix/smtpd[3002]: {q}: client=mail.example.org[{ip}]",
                8 => $"postfix/cleanup[3500]: {q}: message-id=<{q}@example.org>",
                9 => $"postfix/qmgr[900]: {q}: from=<news@example.org>, size=1000, nrcpt=1 (queue active)",
                10 => $"rspamd[800]: <{q}>; task; rspamd_task_write_log: id: <{q}@example.org>, qid: <{q}>, " +
                    $"ip: {ip}, from: <news@example.org>, (default: F (reject): [16.40/15.00] " +
                    $"[RBL_SPAMHAUS_ZEN(6.50){{{ip}.zen.spamhaus.org : 127.0.0.2;}},R_SPF_ALLOW(-0.20){{+ip4:{ip};}}," +
                    "MIME_GOOD(-0.10){text/plain;}]), len: 2345, time: 120.5ms",
                11 => $"spamd[7001]: spamd: checking message <{q}@example.org> for debian-spamd:114",
                12 => "spamd[7001]: spamd: result: Y 9 - RCVD_IN_ZEN,HTML_MESSAGE,SPF_PASS scantime=0.4," +
                    "size=2345,user=debian-spamd,uid=114,required_score=5.0,rhost=localhost,raddr=127.0.0.1," +
                    "rport=40000,autolearn=no",
                13 => $"postfix/smtp[4000]: {q}: to=<u@example.net>, relay=mx.example.org[{ip}]:25, status=sent",
                14 => $"sshd[8000]: Connection closed by {ip} port 50000 [preauth]",
                _ => $"postfix/qmgr[900]: {q}: removed",
            };
            text.Append(head).Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A stream of the given bytes that throws once <paramref name="failAt"/> bytes are read.</summary>
    private sealed class FailingStream(byte[] data, int failAt, Exception failure) : MemoryStream(data)
    {
        // Note: a MemoryStream subclass reads spans through this overload.
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAt)
            {
                throw failure;
            }

            return base.Read(buffer, offset, Math.Min(count, (int)(failAt - Position)));
        }
    }
}
