using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// Downloads feeds over https (plain http only on loopback, see <see cref="FeedUrls"/>), with
/// conditional requests, a body limit and a timeout. No proxy is used and redirects are not
/// followed, so the request goes to the host the policy names and nowhere else.
/// </summary>
public sealed class FeedFetcher : IDisposable
{
    private readonly HttpClient _client;

    /// <summary>Makes a fetcher with the given limits.</summary>
    public FeedFetcher(FeedFetchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = settings.Timeout,
            UseCookies = false,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("RuleForge", "1"));
    }

    /// <summary>The limits in use.</summary>
    public FeedFetchSettings Settings { get; }

    /// <summary>
    /// Downloads <paramref name="url"/>. With an <paramref name="etag"/> or
    /// <paramref name="lastModified"/> the request is conditional (If-None-Match,
    /// If-Modified-Since) and a 304 answer comes back as <see cref="FeedDownload.NotModified"/>.
    /// Throws <see cref="FeedFetchException"/> on any failure.
    /// </summary>
    public async Task<FeedDownload> FetchAsync(
        Uri url, string? etag = null, string? lastModified = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!FeedUrls.IsAllowed(url))
        {
            throw new FeedFetchException(FeedFetchFailure.Transfer, url, "plain http is allowed only on loopback");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Settings.Timeout);
        try
        {
            using var request = Request(url, etag, lastModified);
            using var response = await _client
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                .ConfigureAwait(false);
            var tag = response.Headers.ETag?.ToString();
            var modified = response.Content.Headers.TryGetValues("Last-Modified", out var values)
                ? values.FirstOrDefault()
                : null;
            if (response.StatusCode == HttpStatusCode.NotModified && (etag ?? lastModified) is not null)
            {
                return new FeedDownload(true, [], tag ?? etag, modified ?? lastModified);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new FeedFetchException(FeedFetchFailure.Status, url, Status(response));
            }

            var body = await ReadAsync(url, response.Content, timeout.Token).ConfigureAwait(false);
            return new FeedDownload(false, body, tag, modified);
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new FeedFetchException(FeedFetchFailure.Timeout, url, "timed out", e);
        }
        catch (HttpRequestException e)
        {
            throw Failure(url, e);
        }
        catch (IOException e)
        {
            throw new FeedFetchException(FeedFetchFailure.Transfer, url, e.Message, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static HttpRequestMessage Request(Uri url, string? etag, string? lastModified)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null)
        {
            // Note: the ETag is sent back exactly as the server wrote it, weak or strong.
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (lastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        return request;
    }

    private async Task<byte[]> ReadAsync(Uri url, HttpContent content, CancellationToken cancellation)
    {
        var limit = Settings.MaxBytes;
        if (content.Headers.ContentLength is { } length && length > limit)
        {
            throw new FeedFetchException(FeedFetchFailure.TooLarge, url,
                $"{length.ToString(CultureInfo.InvariantCulture)} bytes announced");
        }

        var stream = await content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new FeedFetchException(FeedFetchFailure.TooLarge, url, "body over the limit");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static string Status(HttpResponseMessage response)
    {
        var code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var text = $"{code} {response.ReasonPhrase}".TrimEnd();
        return response.Headers.Location is { } location ? $"{text} (redirect to {location})" : text;
    }

    private static FeedFetchException Failure(Uri url, HttpRequestException e)
    {
        var detail = e.InnerException?.Message ?? e.Message;
        var failure = e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => FeedFetchFailure.HostUnknown,
            HttpRequestError.ConnectionError => FeedFetchFailure.Connect,
            _ => FeedFetchFailure.Transfer,
        };
        return new FeedFetchException(failure, url, detail, e);
    }
}
