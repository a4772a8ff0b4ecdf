using System.Text.Json;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Diagnosis;

/// <summary>Runs 'ruleforge diagnose' on log text against rules/efax.yaml and reads its JSON report.</summary>
internal static class DiagnoseRun
{
    // The example policy trusts 192.0.2.0/26 and 198.51.100.0/26 (eFax, us-west and us-east rows).
    public static string Efax => Path.Combine(RepoPaths.Root, "rules", "efax.yaml");

    /// <summary>Writes the log to a temporary file, runs diagnose with --format json, returns the report.</summary>
    public static JsonElement JsonReport(string log)
    {
        using var temp = new TempFolder();
        var path = temp.Write("mail.log", log);
        var result = CliRunner.Run("diagnose", path, "--policy", Efax, "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    /// <summary>The byBlocklist group for a zone and stage.</summary>
    public static JsonElement Group(JsonElement report, string zone, string stage) =>
        report.GetProperty("byBlocklist").EnumerateArray()
            .Single(g => g.GetProperty("zone").GetString() == zone && g.GetProperty("stage").GetString() == stage);

    /// <summary>The first example event of a group.</summary>
    public static JsonElement Example(JsonElement report, string zone, string stage) =>
        Group(report, zone, stage).GetProperty("examples")[0];

    public static long Number(JsonElement e, string name) => e.GetProperty(name).GetInt64();

    public static string? Text(JsonElement e, string name) => e.GetProperty(name).GetString();
}
