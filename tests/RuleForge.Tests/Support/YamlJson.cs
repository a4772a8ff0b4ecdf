using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RuleForge.Loading;

namespace RuleForge.Tests.Support;

/// <summary>
/// YAML (read by RuleForge's YamlDotNet-based loader) as JSON, typed the way an editor's YAML
/// language server types it (the YAML 1.2 core schema): a bare true or 3.5 is a boolean or a
/// number, a quoted "3.5" stays a string, an empty value is null.
/// </summary>
public static partial class YamlJson
{
    /// <summary>The YAML file as a JSON element; fails the test when the file does not load.</summary>
    public static JsonElement LoadFile(string path)
    {
        var loaded = YamlLoader.LoadFile(path, Path.GetFileName(path));
        Xunit.Assert.True(loaded.Root is not null, string.Join("\n", loaded.Diagnostics));
        return ToElement(loaded.Root!);
    }

    /// <summary>A syntax tree as a JSON element.</summary>
    public static JsonElement ToElement(SyntaxNode node) =>
        JsonSerializer.SerializeToElement(ToNode(node));

    /// <summary>A syntax tree as a JSON node.</summary>
    public static JsonNode? ToNode(SyntaxNode node) => node switch
    {
        MappingSyntax map => new JsonObject(map.Entries.Select(
            e => KeyValuePair.Create(e.Key.Value, ToNode(e.Value)))),
        SequenceSyntax seq => new JsonArray([.. seq.Items.Select(ToNode)]),
        ScalarSyntax scalar => Scalar(scalar),
        _ => throw new ArgumentException($"unexpected node {node.GetType().Name}", nameof(node)),
    };

    private static JsonValue? Scalar(ScalarSyntax scalar)
    {
        var text = scalar.Value;
        if (scalar.IsQuoted)
        {
            return JsonValue.Create(text);
        }

        if (scalar.IsNull)
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.StartsWith('t') || text.StartsWith('T'));
        }

        if (IntPattern().IsMatch(text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (FloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        // Note: .inf, .nan, 0x and 0o integers have no JSON form; as text they fail a number's schema,
        // as they fail the binder.
        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
