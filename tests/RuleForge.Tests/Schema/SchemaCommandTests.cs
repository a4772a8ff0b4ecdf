using RuleForge.Schema;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Schema;

public class SchemaCommandTests
{
    [Fact]
    public void Schema_PrintsTheGeneratedSchema_ToStdout()
    {
        var result = CliRunner.Run("schema");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(PolicySchema.Generate(), result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void SchemaOut_WritesTheFile_ThatTheRepositoryShips()
    {
        using var temp = new TempFolder();
        var path = temp["ruleforge-policy.schema.json"];

        var result = CliRunner.Run("schema", "--out", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(File.ReadAllText(PolicySchemaFile.Path), File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void SchemaOut_IntoAMissingFolder_ExitsOne_WithTheWriteError()
    {
        using var temp = new TempFolder();
        var path = temp[Path.Combine("missing", "schema.json")];

        var result = CliRunner.Run("schema", "--out", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error RF1910: cannot write the schema", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(StackTraces.In(result.Stderr), result.Stderr);
    }
}
