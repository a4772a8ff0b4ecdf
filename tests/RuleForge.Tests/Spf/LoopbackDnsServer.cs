using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RuleForge.Tests.Spf;

/// <summary>
/// A tiny authoritative DNS server for tests: UDP on 127.0.0.1 at a random port, answering
/// A, AAAA, MX and TXT from a dictionary. It can answer SERVFAIL, answer late, or set the
/// truncation bit for chosen names, and counts the questions it receives per name and type.
/// It also answers over TCP on the same port, so truncated UDP answers can be completed (or,
/// for names marked so, refused). It never forwards a question anywhere.
/// </summary>
public sealed class LoopbackDnsServer : IDisposable
{
    public const ushort TypeA = 1;
    public const ushort TypeCname = 5;
    public const ushort TypeMx = 15;
    public const ushort TypeTxt = 16;
    public const ushort TypeAaaa = 28;

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<(string, ushort), List<byte[]>> _records = new();
    private readonly ConcurrentDictionary<(string, ushort), int> _counts = new();
    private readonly ConcurrentDictionary<string, bool> _serverFailures = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();
    private readonly ConcurrentDictionary<string, bool> _truncated = new();
    private readonly ConcurrentDictionary<string, bool> _tcpRefused = new();
    private readonly ConcurrentDictionary<string, string> _cnames = new();
    private readonly ConcurrentDictionary<(string, ushort), List<(string Owner, byte[] Data)>> _foreign = new();
    private int _tcpCount;
    private int _answerLimit = int.MaxValue;
    private int _answered;
    private readonly TcpListener _tcp;
    private readonly Task _loop;
    private readonly Task _tcpLoop;

    public LoopbackDnsServer()
    {
        _tcp = new TcpListener(IPAddress.Loopback, EndPoint.Port);
        _tcp.Start();
        _loop = Task.Run(ServeAsync);
        _tcpLoop = Task.Run(ServeTcpAsync);
    }

    /// <summary>Where the server listens: always 127.0.0.1.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    /// <summary>The server as the --dns-server flag spells it.</summary>
    public string Flag => $"127.0.0.1:{EndPoint.Port}";

    /// <summary>Adds one TXT record made of the given strings (joined without separators by readers).</summary>
    public LoopbackDnsServer Txt(string name, params string[] strings) => Add(name, TypeTxt, TxtData(strings));

    private static byte[] TxtData(string[] strings)
    {
        var data = new List<byte>();
        foreach (var s in strings)
        {
            var bytes = Encoding.Latin1.GetBytes(s);
            data.Add((byte)bytes.Length);
            data.AddRange(bytes);
        }

        return [.. data];
    }

    /// <summary>Adds A or AAAA records, by the family of each address.</summary>
    public LoopbackDnsServer Address(string name, params string[] addresses)
    {
        foreach (var text in addresses)
        {
            var ip = IPAddress.Parse(text);
            Add(name, ip.AddressFamily == AddressFamily.InterNetwork ? TypeA : TypeAaaa, ip.GetAddressBytes());
        }

        return this;
    }

    /// <summary>Adds an MX record.</summary>
    public LoopbackDnsServer Mx(string name, ushort preference, string host)
    {
        var data = new List<byte> { (byte)(preference >> 8), (byte)preference };
        data.AddRange(EncodeName(host));
        return Add(name, TypeMx, [.. data]);
    }

    /// <summary>Makes the name an alias: questions about it answer the CNAME and follow it.</summary>
    public LoopbackDnsServer Cname(string name, string target)
    {
        _cnames[Key(name)] = target;
        return this;
    }

    /// <summary>
    /// Adds to the answer for (name, TXT) a record owned by <paramref name="owner"/>, another
    /// name: what a poisoned or hostile server does.
    /// </summary>
    public LoopbackDnsServer ForeignTxt(string name, string owner, params string[] strings)
    {
        var data = TxtData(strings);
        _foreign.AddOrUpdate((Key(name), TypeTxt), _ => [(owner, data)], (_, list) => [.. list, (owner, data)]);
        return this;
    }

    /// <summary>
    /// Stops answering anything (UDP or TCP) once this many questions were answered: a server
    /// that dies mid-resolution.
    /// </summary>
    public LoopbackDnsServer DieAfter(int answers)
    {
        _answerLimit = answers;
        return this;
    }

    /// <summary>Answers SERVFAIL for every question about the name.</summary>
    public LoopbackDnsServer ServerFailure(string name)
    {
        _serverFailures[Key(name)] = true;
        return this;
    }

    /// <summary>Answers questions about the name only after the delay.</summary>
    public LoopbackDnsServer Delay(string name, TimeSpan delay)
    {
        _delays[Key(name)] = delay;
        return this;
    }

    /// <summary>
    /// Answers over UDP with the truncation bit set and no records; over TCP in full, or, when
    /// <paramref name="tcpToo"/> is set, by closing the connection without an answer.
    /// </summary>
    public LoopbackDnsServer Truncate(string name, bool tcpToo = true)
    {
        _truncated[Key(name)] = true;
        if (tcpToo)
        {
            _tcpRefused[Key(name)] = true;
        }

        return this;
    }

    /// <summary>How many questions arrived over TCP.</summary>
    public int TcpQuestions => _tcpCount;

    /// <summary>How many questions of the type arrived for the name.</summary>
    public int Count(string name, ushort type) => _counts.GetValueOrDefault((Key(name), type));

    /// <summary>Every (name, type) asked, with how often.</summary>
    public IReadOnlyDictionary<(string Name, ushort Type), int> Questions => _counts.ToDictionary();

    /// <summary>The total number of questions received.</summary>
    public int Total => _counts.Values.Sum();

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _tcp.Stop();
        Task.WaitAll([_loop, _tcpLoop], TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private LoopbackDnsServer Add(string name, ushort type, byte[] data)
    {
        _records.AddOrUpdate((Key(name), type), _ => [data], (_, list) => [.. list, data]);
        return this;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(received));
        }
    }

    private async Task ServeTcpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => AnswerTcpAsync(client));
        }
    }

    private async Task AnswerTcpAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var prefix = new byte[2];
            await stream.ReadExactlyAsync(prefix, _stop.Token);
            var query = new byte[(prefix[0] << 8) | prefix[1]];
            await stream.ReadExactlyAsync(query, _stop.Token);
            Interlocked.Increment(ref _tcpCount);
            if (Volatile.Read(ref _answered) > _answerLimit)
            {
                return;
            }

            if (query.Length < 12 || !TryReadQuestion(query, out var name, out var type, out var end)
                || _tcpRefused.ContainsKey(name))
            {
                return;
            }

            var response = Respond(query, name, type, end, overTcp: true);
            await stream.WriteAsync(new[] { (byte)(response.Length >> 8), (byte)response.Length }, _stop.Token);
            await stream.WriteAsync(response, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The server is stopping or the client went away.
        }
    }

    private async Task AnswerAsync(UdpReceiveResult received)
    {
        var query = received.Buffer;
        if (query.Length < 12 || !TryReadQuestion(query, out var name, out var type, out var questionEnd))
        {
            return;
        }

        _counts.AddOrUpdate((name, type), 1, (_, n) => n + 1);
        if (Interlocked.Increment(ref _answered) > _answerLimit)
        {
            return;
        }

        if (_delays.TryGetValue(name, out var delay))
        {
            try
            {
                await Task.Delay(delay, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var response = Respond(query, name, type, questionEnd, overTcp: false);
        try
        {
            await _socket.SendAsync(response, received.RemoteEndPoint, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The server is stopping or the client went away.
        }
    }

    private byte[] Respond(byte[] query, string name, ushort type, int questionEnd, bool overTcp)
    {
        var exists = _records.Keys.Any(k => k.Item1 == name) || _cnames.ContainsKey(name);
        var rcode = _serverFailures.ContainsKey(name) ? 2 : exists ? 0 : 3;
        var truncated = !overTcp && _truncated.ContainsKey(name);
        var answers = rcode == 0 && !truncated ? Answers(name, type) : [];

        var packet = new List<byte> { query[0], query[1] };

        // QR, opcode 0, AA, TC, RD copied; RA; RCODE.
        packet.Add((byte)(0x84 | (truncated ? 0x02 : 0) | (query[2] & 0x01)));
        packet.Add((byte)(0x80 | rcode));
        packet.AddRange([0, 1, (byte)(answers.Count >> 8), (byte)answers.Count, 0, 0, 0, 0]);
        packet.AddRange(query[12..questionEnd]);
        foreach (var (owner, rrType, data) in answers)
        {
            // The question's name is at offset 12: a pointer to it, or another owner spelled out.
            packet.AddRange(owner is null ? [0xC0, 0x0C] : EncodeName(owner));
            packet.AddRange([(byte)(rrType >> 8), (byte)rrType, 0, 1, 0, 0, 0, 60]);
            packet.AddRange([(byte)(data.Length >> 8), (byte)data.Length]);
            packet.AddRange(data);
        }

        return [.. packet];
    }

    // The CNAME chain (at most 20 hops, so a loop ends), the records of the name it ends at, and
    // any records owned by other names that were added for this question.
    private List<(string? Owner, ushort Type, byte[] Data)> Answers(string name, ushort type)
    {
        var answers = new List<(string?, ushort, byte[])>();
        var current = name;
        for (var hop = 0; hop < 20 && type != TypeCname && _cnames.TryGetValue(current, out var target); hop++)
        {
            answers.Add((current == name ? null : current, TypeCname, EncodeName(target)));
            current = Key(target);
        }

        foreach (var data in _records.GetValueOrDefault((current, type)) ?? [])
        {
            answers.Add((current == name ? null : current, type, data));
        }

        foreach (var (owner, data) in _foreign.GetValueOrDefault((name, type)) ?? [])
        {
            answers.Add((owner, type, data));
        }

        return answers;
    }

    private static bool TryReadQuestion(byte[] query, out string name, out ushort type, out int end)
    {
        name = "";
        type = 0;
        end = 0;
        var labels = new List<string>();
        var i = 12;
        for (var guard = 0; guard < 128 && i < query.Length; guard++)
        {
            int length = query[i++];
            if (length == 0)
            {
                break;
            }

            if (length > 63 || i + length > query.Length)
            {
                return false;
            }

            labels.Add(Encoding.ASCII.GetString(query, i, length));
            i += length;
        }

        if (i + 4 > query.Length)
        {
            return false;
        }

        name = Key(string.Join('.', labels));
        type = (ushort)((query[i] << 8) | query[i + 1]);
        end = i + 4;
        return true;
    }

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return [.. bytes];
    }

    private static string Key(string name) => name.TrimEnd('.').ToLowerInvariant();
}
