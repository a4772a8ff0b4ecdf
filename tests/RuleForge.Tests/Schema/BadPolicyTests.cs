using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Schema;

/// <summary>
/// Policies with one mistake each: the schema (as an editor would apply it) and
/// <c>ruleforge validate</c> both refuse them.
/// </summary>
public class BadPolicyTests
{
    private static readonly string EveryKey =
        Path.Combine(RepoPaths.Root, "tests", "RuleForge.Tests", "Schema", "Inputs", "every-key.yaml");

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { "unknown top-level key", "proof:\n", "polcy: typo\nproof:\n", "RF1201" },
        { "unknown nested key", "      action: enforce\n", "      action: enforce\n      actoin: drop\n", "RF1201" },
        { "unknown key in a condition", "stage: { not: beta }", "stage: { nott: beta }", "RF1201" },
        { "missing required key", "      reject: 15\n", "", "RF1202" },
        { "mapping where a list goes", "relays: [10.0.0.0/8]", "relays: { net: 10.0.0.0/8 }", "RF1203" },
        { "list where a mapping goes", "  margin: 2\n", "  - margin: 2\n", "RF1203" },
        { "quoted number", "margin: 2", "margin: \"2\"", "RF1206" },
        { "word where a number goes", "credit: outrank", "credit: lots", "RF1206" },
        { "bad enum", "action: enforce", "action: enforse", "RF1207" },
        { "bad enum with a hyphen", "checks: client-ip", "checks: client_ip", "RF1207" },
        { "bad dkim word", "dkim: aligned", "dkim: signed", "RF1207" },
        { "bad boolean", "envelope_domain_required: true", "envelope_domain_required: maybe", "RF1207" },
        { "integer out of range", "threshold: 3", "threshold: 0", "RF1207" },
        { "relative path", "table_directory: /etc/postfix/ruleforge", "table_directory: etc/postfix", "RF1207" },
        { "path climbing up", "plugin_directory: /etc/spamassassin", "plugin_directory: /etc/../tmp", "RF1207" },
        { "bad stock rule name", "disable_stock_rbls: [spamhaus]", "disable_stock_rbls: [spam-haus]", "RF1207" },
        { "unquoted version", "version: \"3.7\"", "version: 2.11", "RF1218" },
        { "bad id", "policy: every-key", "policy: Every_Key", "RF1213" },
        { "id too long", "policy: every-key", "policy: " + new string('a', 41), "RF1213" },
        { "negative score", "rspamd: { score: 7 }", "rspamd: { score: -7 }", "RF1223" },
        { "empty listing codes", "listing_codes: [127.0.0.2-127.0.0.11]", "listing_codes: []", "RF1220" },
        { "generic feed without cidr_field", "    cidr_field: prefixes\n", "", "RF1202" },
        { "feed with file and url", "    url: https://feeds", "    file: goog.json\n    url: https://feeds", "RF1364" },
        { "built-in shape with items", "    shape: google\n", "    shape: google\n    items: prefixes\n", "RF1360" },
        { "sender without domains", "    domains: [inbound.fax.example, alerts.fax.example]\n", "", "RF1219" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadPolicy_IsRefusedBySchemaAndValidator(string what, string find, string replace, string code)
    {
        var text = File.ReadAllText(EveryKey);
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"{what}: every-key.yaml has no '{find}'");
        using var temp = new TempFolder();
        var path = temp.Write("bad.yaml", text.Replace(find, replace, StringComparison.Ordinal));

        var schemaErrors = PolicySchemaFile.Errors(YamlJson.LoadFile(path));
        var validate = CliRunner.Run("validate", path);

        Assert.True(schemaErrors.Count > 0, $"{what}: the schema accepts it");
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains($"error {code}:", validate.Stderr, StringComparison.Ordinal);
    }
}
