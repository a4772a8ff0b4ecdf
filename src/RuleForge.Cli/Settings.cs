using Microsoft.Extensions.Configuration;
using RuleForge.Pipeline;

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
                Number("Thresholds:SpamAssassin:RequiredScore") ?? d.RequiredScore);
        }
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
        return numbers
            .Where(k => Value(k) is not null && Number(k) is null)
            .Select(k => $"setting {k} = '{Value(k)}' is not a number greater than zero")
            .ToList();
    }

    private double? Number(string key) =>
        Value(key) is { } text && double.TryParse(text, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0
            ? v
            : null;

    private string? Value(string key) => string.IsNullOrWhiteSpace(_config[key]) ? null : _config[key];
}
