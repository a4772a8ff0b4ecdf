extern alias JsonSchemaNet;

using System.Text.Json;
using JsonSchemaNet::Json.Schema;
using RuleForge.Schema;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Schema;

public class PolicySchemaTests
{
    private const string Comment = "# yaml-language-server: $schema=../schema/ruleforge-policy.schema.json";

    public static TheoryData<string> Policies() =>
        new(Directory.GetFiles(RepoPaths.Rules, "*.yaml").Select(Path.GetFileName).OfType<string>().Order());

    [Fact]
    public void ShippedSchema_IsWhatTheGeneratorPrintsNow()
    {
        var shipped = File.ReadAllText(PolicySchemaFile.Path);

        Assert.True(shipped == PolicySchema.Generate(),
            $"{PolicySchema.RepositoryPath} is stale: the policy shapes changed. Regenerate it with\n" +
            $"  dotnet run --project src/RuleForge.Cli -- schema --out {PolicySchema.RepositoryPath}\n" +
            "and commit it.");
    }

    [Fact]
    public void ShippedSchema_IsAValidDraft7Schema()
    {
        var document = JsonDocument.Parse(File.ReadAllText(PolicySchemaFile.Path)).RootElement;

        var results = MetaSchemas.Draft7.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid);
        Assert.Equal("http://json-schema.org/draft-07/schema#", document.GetProperty("$schema").GetString());
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void ExamplePolicy_ValidatesAgainstTheSchema(string fileName)
    {
        var document = YamlJson.LoadFile(Path.Combine(RepoPaths.Rules, fileName));

        Assert.Empty(PolicySchemaFile.Errors(document));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void ExamplePolicy_NamesTheShippedSchemaOnItsFirstLine(string fileName)
    {
        var path = Path.Combine(RepoPaths.Rules, fileName);
        var first = File.ReadLines(path).First();

        Assert.Equal(Comment, first);
        var target = first[(first.IndexOf('=', StringComparison.Ordinal) + 1)..];
        Assert.Equal(Path.GetFullPath(PolicySchemaFile.Path), Path.GetFullPath(Path.Combine(RepoPaths.Rules, target)));
    }

    [Fact]
    public void Schema_RefusesUnknownKeys_AtEveryFixedMapping()
    {
        var document = JsonNodeOf(PolicySchema.Generate());
        var closed = Objects(document).Where(o => o.ContainsKey("properties")).ToList();

        Assert.NotEmpty(closed);
        Assert.All(closed, o => Assert.False(o["additionalProperties"]!.GetValue<bool>()));
    }

    private static System.Text.Json.Nodes.JsonObject JsonNodeOf(string text) =>
        System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> Objects(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                // Note: the 'then' of a rule lists properties only to forbid them.
                if (o.ContainsKey("properties") && o.ContainsKey("type"))
                {
                    yield return o;
                }

                foreach (var child in o.SelectMany(p => Objects(p.Value)))
                {
                    yield return child;
                }

                break;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var child in a.SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }
}
