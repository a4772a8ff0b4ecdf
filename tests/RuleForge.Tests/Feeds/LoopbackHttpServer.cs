using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RuleForge.Tests.Feeds;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 and a random port, for feed download tests: it serves
/// one feed with an ETag and a Last-Modified, answers a conditional request for the current
/// content with 304, records every request's headers, and can be told to fail.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private byte[] _content = [];
    private int _version;
    private int? _failWith;
    private byte[]? _truncated;
    private bool _disposed;
    private bool _stall;

    public LoopbackHttpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The feed's URL.</summary>
    public string Url => $"http://127.0.0.1:{Port}/ranges.json";

    /// <summary>The headers of every request so far (names lower case), oldest first.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    /// <summary>The ETag of the content now served.</summary>
    public string ETag
    {
        get
        {
            lock (_gate)
            {
                return $"\"v{_version}\"";
            }
        }
    }

    /// <summary>The Last-Modified of the content now served: a fixed date plus one day per version.</summary>
    public string LastModified
    {
        get
        {
            lock (_gate)
            {
                var date = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(_version);
                return date.ToString("r", CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Serves <paramref name="content"/> from now on, under a new ETag and Last-Modified.</summary>
    public LoopbackHttpServer Serve(string content)
    {
        lock (_gate)
        {
            _content = Encoding.UTF8.GetBytes(content);
            _version++;
            _failWith = null;
            _truncated = null;
        }

        return this;
    }

    /// <summary>Answers every request with this status and a short body.</summary>
    public void FailWith(int status)
    {
        lock (_gate)
        {
            _failWith = status;
        }
    }

    /// <summary>Reads each request and never answers it (until disposed).</summary>
    public void Stall()
    {
        lock (_gate)
        {
            _stall = true;
        }
    }

    /// <summary>Answers 200 with only the first half of <paramref name="content"/>, as a complete HTTP body.</summary>
    public void ServeTruncated(string content)
    {
        lock (_gate)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            _truncated = bytes[..(bytes.Length / 2)];
            _version++;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Note: the accept loop ends with the listener; how it ends does not matter here.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    await AnswerAsync(client.GetStream());
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                    // Note: a client that hung up early is the client's problem; a stalled answer
                    // ends when the server does.
                }
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        var headers = await ReadHeadersAsync(stream);
        _requests.Enqueue(headers);
        bool stall;
        lock (_gate)
        {
            stall = _stall;
        }

        if (stall)
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }

        int status;
        byte[] body;
        var extra = new StringBuilder();
        lock (_gate)
        {
            if (_failWith is { } failure)
            {
                (status, body) = (failure, Encoding.ASCII.GetBytes("failure for the test"));
            }
            else
            {
                extra.Append(CultureInfo.InvariantCulture, $"ETag: {ETag}\r\nLast-Modified: {LastModified}\r\n");
                var conditional = headers.GetValueOrDefault("if-none-match") == ETag;
                (status, body) = _truncated is { } part ? (200, part)
                    : conditional ? (304, [])
                    : (200, _content);
            }
        }

        var head = $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Length: {body.Length}\r\n" +
            $"Content-Type: application/json\r\nConnection: close\r\n{extra}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private static async Task<Dictionary<string, string>> ReadHeadersAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(bytes) && bytes.Count < 65536
            && await stream.ReadAsync(one) == 1)
        {
            bytes.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. bytes]).Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["request-line"] = lines[0] };
        foreach (var line in lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        return headers;
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
}
