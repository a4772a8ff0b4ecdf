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
    public PolicyDefaults Defaults => new(
        Value("Paths:PostfixTables") ?? new PolicyDefaults().PostfixTableDirectory,
        Value("Paths:RspamdMaps") ?? new PolicyDefaults().RspamdMapDirectory,
        Value("Paths:SpamAssassin") ?? new PolicyDefaults().SpamAssassinDirectory);

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

    private string? Value(string key) => string.IsNullOrWhiteSpace(_config[key]) ? null : _config[key];
}
