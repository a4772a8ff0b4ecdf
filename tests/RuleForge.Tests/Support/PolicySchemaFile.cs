extern alias JsonSchemaNet;

using System.Text.Json;
using JsonSchemaNet::Json.Schema;
using RuleForge.Schema;

namespace RuleForge.Tests.Support;

/// <summary>The policy JSON Schema the repository ships, loaded with JsonSchema.Net.</summary>
public static class PolicySchemaFile
{
    private static readonly Lazy<JsonSchema> Shipped = new(
        () => JsonSchema.FromText(File.ReadAllText(Path)));

    /// <summary>The shipped file's absolute path.</summary>
    public static string Path => System.IO.Path.Combine(RepoPaths.Root, PolicySchema.RepositoryPath);

    /// <summary>The errors the shipped schema finds in a document: empty when it is valid.</summary>
    public static List<string> Errors(JsonElement document)
    {
        var results = Shipped.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }
}
