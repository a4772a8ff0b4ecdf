using System.Text.Json;
using RuleForge.Diagnostics;
using RuleForge.Loading;
using RuleForge.Pipeline;
using RuleForge.Tests.Support;
using RuleForge.Validation;
using Xunit;

namespace RuleForge.Tests.Schema;

/// <summary>
/// The schema and the validator must accept and refuse the same policies. Starting from a policy
/// that writes every key the schema knows, each mapping gets an unknown key added and loses each
/// of its keys in turn; for each variant the schema's verdict must equal the validator's.
/// </summary>
public class SchemaBinderAgreementTests
{
    private const string Unknown = "zz-unknown";
    private const int UnknownLine = 99999;

    private static readonly string EveryKeyPath =
        Path.Combine(RepoPaths.Root, "tests", "RuleForge.Tests", "Schema", "Inputs", "every-key.yaml");

    [Fact]
    public void EveryKeyPolicy_IsValid_ForSchemaAndValidator()
    {
        var root = Load();

        Assert.Empty(PolicySchemaFile.Errors(YamlJson.ToElement(root)));
        Assert.DoesNotContain(Bind(root), d => d.Severity == Severity.Error);
    }

    [Fact]
    public void EveryKeyPolicy_WritesEveryKeyTheSchemaKnows()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(PolicySchemaFile.Path)).RootElement;
        var known = new SortedSet<string>(StringComparer.Ordinal);
        SchemaPaths(schema, "", known);
        var written = new HashSet<string>(StringComparer.Ordinal);
        DocumentPaths(Load(), "", written);

        Assert.True(known.Count > 40, $"only {known.Count} keys found in the schema");
        var missing = known.Where(k => !written.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"every-key.yaml lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void AddingAnUnknownKey_IsRefusedByBoth_WhereverTheKeysAreFixed()
    {
        var root = Load();
        var checkedMappings = 0;
        foreach (var (path, mapping) in Mappings(root, "$"))
        {
            var key = new ScalarSyntax(Unknown, false, new SourceLocation("every-key.yaml", UnknownLine, 1));
            var value = new ScalarSyntax("1", false, key.Location);
            var changed = mapping with { Entries = [.. mapping.Entries, new EntrySyntax(key, value)] };
            var variant = Replace(root, mapping, changed);

            var schemaAccepts = PolicySchemaFile.Errors(YamlJson.ToElement(variant)).Count == 0;
            var binderAccepts = !Bind(variant).Any(d => d.Code == "RF1201" && d.Location.Line == UnknownLine);

            Assert.True(schemaAccepts == binderAccepts,
                $"{path}: an unknown key is {(schemaAccepts ? "accepted" : "refused")} by the schema but " +
                $"{(binderAccepts ? "accepted" : "refused")} by the validator");
            checkedMappings++;
        }

        Assert.True(checkedMappings > 20, $"only {checkedMappings} mappings checked");
    }

    [Fact]
    public void RemovingAKey_IsRefusedBySchema_ExactlyWhenTheValidatorFaultsItsMapping()
    {
        var root = Load();
        var removals = 0;
        var refused = new List<string>();
        foreach (var (path, mapping) in Mappings(root, "$"))
        {
            foreach (var entry in mapping.Entries)
            {
                var changed = mapping with { Entries = [.. mapping.Entries.Where(e => !ReferenceEquals(e, entry))] };
                var variant = Replace(root, mapping, changed);

                var schemaErrors = PolicySchemaFile.Errors(YamlJson.ToElement(variant));
                var binderErrors = Bind(variant)
                    .Where(d => d.Severity == Severity.Error && d.Location == mapping.Location)
                    .Select(d => d.ToString())
                    .ToList();

                Assert.True(schemaErrors.Count == 0 == (binderErrors.Count == 0),
                    $"without {path}.{entry.Key.Value}: schema says [{string.Join("; ", schemaErrors)}], " +
                    $"validator says [{string.Join("; ", binderErrors)}]");
                removals++;
                if (schemaErrors.Count > 0)
                {
                    refused.Add($"{path}.{entry.Key.Value}");
                }
            }
        }

        Assert.True(removals > 60, $"only {removals} removals tried");
        Assert.Contains("$.policy", refused);
        Assert.Contains("$.senders[0].domains", refused);
        Assert.Contains("$.feeds[0].items", refused);
    }

    private static MappingSyntax Load()
    {
        var loaded = YamlLoader.LoadFile(EveryKeyPath, "every-key.yaml");
        Assert.Empty(loaded.Diagnostics);
        return Assert.IsType<MappingSyntax>(loaded.Root);
    }

    private static IReadOnlyList<Diagnostic> Bind(SyntaxNode root) =>
        PolicyBinder.Bind(root, "every-key.yaml", Path.GetDirectoryName(EveryKeyPath)!, [], new PolicyDefaults())
            .Diagnostics;

    private static IEnumerable<(string Path, MappingSyntax Mapping)> Mappings(SyntaxNode node, string path)
    {
        switch (node)
        {
            case MappingSyntax map:
                yield return (path, map);
                foreach (var entry in map.Entries)
                {
                    foreach (var inner in Mappings(entry.Value, $"{path}.{entry.Key.Value}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case SequenceSyntax seq:
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    foreach (var inner in Mappings(seq.Items[i], $"{path}[{i}]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static SyntaxNode Replace(SyntaxNode node, SyntaxNode target, SyntaxNode replacement)
    {
        if (ReferenceEquals(node, target))
        {
            return replacement;
        }

        return node switch
        {
            MappingSyntax map => map with
            {
                Entries = [.. map.Entries.Select(e => e with { Value = Replace(e.Value, target, replacement) })],
            },
            SequenceSyntax seq => seq with { Items = [.. seq.Items.Select(i => Replace(i, target, replacement))] },
            _ => node,
        };
    }

    // Key paths such as "senders.ranges.select.except.where" (list items and anyOf branches
    // collapse into their parent); keys below an open mapping ('where') are not the schema's.
    private static void SchemaPaths(JsonElement schema, string path, ISet<string> paths)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("type", out _) && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var inner = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                paths.Add(inner);
                SchemaPaths(property.Value, inner, paths);
            }
        }

        foreach (var word in new[] { "anyOf", "items" })
        {
            if (!schema.TryGetProperty(word, out var sub))
            {
                continue;
            }

            var subs = sub.ValueKind == JsonValueKind.Array ? sub.EnumerateArray().ToList() : [sub];
            foreach (var s in subs)
            {
                SchemaPaths(s, path, paths);
            }
        }
    }

    private static void DocumentPaths(SyntaxNode node, string path, ISet<string> paths)
    {
        switch (node)
        {
            case MappingSyntax map:
                foreach (var entry in map.Entries)
                {
                    var inner = path.Length == 0 ? entry.Key.Value : $"{path}.{entry.Key.Value}";
                    paths.Add(inner);
                    DocumentPaths(entry.Value, inner, paths);
                }

                break;
            case SequenceSyntax seq:
                foreach (var item in seq.Items)
                {
                    DocumentPaths(item, path, paths);
                }

                break;
        }
    }
}
