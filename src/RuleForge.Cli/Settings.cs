using Microsoft.Extensions.Configuration;
using RuleForge.Pipeline;
using RuleForge.Resolution.Dns;
using RuleForge.Resolution.Feeds;
using RuleForge.Resolution.Lock;
using RuleForge.Resolution.Spf;

namespace RuleForge.Cli;

/// <summary>
/// Settings from, in rising precedence: a JSON settings file (--settings, else ./ruleforge.json
/// when present), RULEFORGE_ environment variables, and command-line flags.
/// </summary>
public sealed class Settings
{
    private readonly IConfiguration _config;

    private Settings(IConfiguration config) => _config = config;

    /// <summary>Folder of templates that override the built-in ones.</summary>
    public string? TemplateFolder => Value("Templates");

    /// <summary>Install paths generated files refer to, unless the policy names them.</summary>
    public PolicyDefaults Defaults
    {
        get
        {
            var d = new PolicyDefaults();
            return new PolicyDefaults(
                Value("Paths:PostfixTables") ?? d.PostfixTableDirectory,
                Value("Paths:RspamdMaps") ?? d.RspamdMapDirectory,
                Value("Paths:SpamAssassin") ?? d.SpamAssassinDirectory,
                Number("Thresholds:Rspamd:Greylist") ?? d.Greylist,
                Number("Thresholds:Rspamd:AddHeader") ?? d.AddHeader,
                Number("Thresholds:Rspamd:Reject") ?? d.Reject,
                Number("Thresholds:SpamAssassin:RequiredScore") ?? d.RequiredScore,
                Whole("Policy:MaxSenders") ?? d.MaxSenders);
        }
    }

    /// <summary>
    /// DNS settings (Dns:Servers as "host:port" list, Dns:Timeout in seconds, Dns:Retries,
    /// Dns:UseTcpFallback); values that are unset or unusable keep their defaults (see
    /// <see cref="DnsProblems"/>). No server means the system resolver.
    /// </summary>
    public DnsSettings Dns
    {
        get
        {
            var d = DnsSettings.Default;
            var servers = DnsServerTexts()
                .Select(t => DnsSettings.TryParseServer(t, out var e) ? e : null)
                .OfType<System.Net.IPEndPoint>()
                .ToList();
            var timeout = Number("Dns:Timeout") is { } seconds ? TimeSpan.FromSeconds(seconds) : d.Timeout;
            var retries = int.TryParse(Value("Dns:Retries"), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : d.Retries;
            var tcp = bool.TryParse(Value("Dns:UseTcpFallback"), out var t) ? t : d.UseTcpFallback;
            return new DnsSettings(servers, timeout, retries, tcp);
        }
    }

    /// <summary>
    /// Lock:MaxShrink: the largest share (above 0, at most 1) of a sender's addresses that
    /// <c>lock --refresh</c> may remove without --allow-shrink; default 0.2.
    /// </summary>
    public double LockMaxShrink =>
        Number("Lock:MaxShrink") is { } share && share <= 1 ? share : LockOptions.DefaultMaxShrink;

    /// <summary>Lock settings whose values cannot be used, as messages for a usage error.</summary>
    public IReadOnlyList<string> LockProblems() =>
        Value("Lock:MaxShrink") is { } text && (Number("Lock:MaxShrink") is not { } share || share > 1)
            ? [$"setting Lock:MaxShrink = '{text}' is not a share above 0 and at most 1, such as 0.2"]
            : [];

    /// <summary>
    /// Feed download limits: Feeds:MaxBytes (the largest body, default 64 MiB) and Feeds:Timeout
    /// (seconds for the whole download, default 30); unusable values keep their defaults (see
    /// <see cref="FeedProblems"/>).
    /// </summary>
    public FeedFetchSettings Feeds
    {
        get
        {
            var d = FeedFetchSettings.Default;
            var max = long.TryParse(Value("Feeds:MaxBytes"), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0 ? m : d.MaxBytes;
            var timeout = Number("Feeds:Timeout") is { } seconds ? TimeSpan.FromSeconds(seconds) : d.Timeout;
            return new FeedFetchSettings(max, timeout);
        }
    }

    /// <summary>
    /// SPF answer bounds: Spf:MaxRecordBytes (default 2048), Spf:MaxTxtStrings (32) and
    /// Spf:MaxTxtRecords (64); unusable values keep their defaults (see <see cref="SpfProblems"/>).
    /// </summary>
    public SpfLimits Spf => SpfLimits.Default with
    {
        RecordBytes = Whole("Spf:MaxRecordBytes") ?? SpfLimits.DefaultRecordBytes,
        TxtStrings = Whole("Spf:MaxTxtStrings") ?? SpfLimits.DefaultTxtStrings,
        TxtRecords = Whole("Spf:MaxTxtRecords") ?? SpfLimits.DefaultTxtRecords,
    };

    /// <summary>SPF settings whose values cannot be used, as messages for a usage error.</summary>
    public IReadOnlyList<string> SpfProblems()
    {
        var problems = new List<string>();
        foreach (var key in (string[])["Spf:MaxRecordBytes", "Spf:MaxTxtStrings", "Spf:MaxTxtRecords"])
        {
            if (Value(key) is { } text && Whole(key) is null)
            {
                problems.Add($"setting {key} = '{text}' is not a whole number greater than zero");
            }
        }

        return problems;
    }

    /// <summary>Feed settings whose values cannot be used, as messages for a usage error.</summary>
    public IReadOnlyList<string> FeedProblems()
    {
        var problems = new List<string>();
        if (Value("Feeds:MaxBytes") is { } max && (!long.TryParse(max, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var m) || m <= 0))
        {
            problems.Add($"setting Feeds:MaxBytes = '{max}' is not a whole number of bytes greater than zero");
        }

        if (Value("Feeds:Timeout") is { } timeout && Number("Feeds:Timeout") is null)
        {
            problems.Add($"setting Feeds:Timeout = '{timeout}' is not a number of seconds greater than zero");
        }

        return problems;
    }

    /// <summary>DNS settings whose values cannot be used, as messages for a usage error.</summary>
    public IReadOnlyList<string> DnsProblems()
    {
        var problems = DnsServerTexts()
            .Where(t => !DnsSettings.TryParseServer(t, out _))
            .Select(t => $"DNS server '{t}' is not an IP address with an optional port, such as 127.0.0.1:5353")
            .ToList();
        if (Value("Dns:Timeout") is { } timeout && Number("Dns:Timeout") is null)
        {
            problems.Add($"setting Dns:Timeout = '{timeout}' is not a number of seconds greater than zero");
        }

        if (Value("Dns:Retries") is { } retries && !int.TryParse(retries, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            problems.Add($"setting Dns:Retries = '{retries}' is not a whole number of zero or more");
        }

        if (Value("Dns:UseTcpFallback") is { } tcp && !bool.TryParse(tcp, out _))
        {
            problems.Add($"setting Dns:UseTcpFallback = '{tcp}' is not true or false");
        }

        return problems;
    }

    /// <summary>Loads settings; <paramref name="flags"/> holds values given on the command line.</summary>
    public static Settings Load(string? settingsFile, IReadOnlyDictionary<string, string?> flags)
    {
        var builder = new ConfigurationBuilder();
        var file = settingsFile ?? (File.Exists("ruleforge.json") ? "ruleforge.json" : null);
        if (file is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        builder.AddEnvironmentVariables("RULEFORGE_");
        builder.AddInMemoryCollection(flags.Where(f => f.Value is not null));
        return new Settings(builder.Build());
    }

    /// <summary>Settings whose values cannot be used, as messages for a usage error.</summary>
    public IReadOnlyList<string> Problems()
    {
        string[] numbers =
        [
            "Thresholds:Rspamd:Greylist", "Thresholds:Rspamd:AddHeader", "Thresholds:Rspamd:Reject",
            "Thresholds:SpamAssassin:RequiredScore",
        ];
        string[] paths = ["Paths:PostfixTables", "Paths:RspamdMaps", "Paths:SpamAssassin"];
        return numbers
            .Where(k => Value(k) is not null && Number(k) is null)
            .Select(k => $"setting {k} = '{Value(k)}' is not a number greater than zero")
            .Concat(paths
                .Where(k => Value(k) is { } p && !Validation.InstallPaths.IsValid(p))
                .Select(k => $"setting {k} = '{Value(k)}' is not {Validation.InstallPaths.Rule}"))
            .Concat(Value("Policy:MaxSenders") is { } max && Whole("Policy:MaxSenders") is null
                ? [$"setting Policy:MaxSenders = '{max}' is not a whole number greater than zero"]
                : [])
            .ToList();
    }

    private int? Whole(string key) =>
        int.TryParse(Value(key), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;

    private double? Number(string key) =>
        Value(key) is { } text && double.TryParse(text, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0
            ? v
            : null;

    // Note: servers come as one comma-separated value (flags, environment) or as a JSON array;
    // a value given as one text (a flag, say) replaces an array from the settings file.
    private List<string> DnsServerTexts()
    {
        var texts = Value("Dns:Servers") is { } joined
            ? joined.Split(',')
            : _config.GetSection("Dns:Servers").GetChildren().Select(c => c.Value ?? "");
        return [.. texts.Select(t => t.Trim()).Where(t => t.Length > 0)];
    }

    private string? Value(string key) => string.IsNullOrWhiteSpace(_config[key]) ? null : _config[key];
}
