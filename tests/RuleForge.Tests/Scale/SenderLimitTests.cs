using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Scale;

/// <summary>
/// Policy:MaxSenders (issue 9): a policy with more senders than the setting allows is refused
/// with RF1235 at its senders list, naming the count and the setting; at the limit it passes.
/// </summary>
public sealed class SenderLimitTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("validate")]
    [InlineData("build")]
    public void APolicyOverTheLimit_IsRefusedWithRF1235_AndNothingIsWritten(string command)
    {
        var policy = _temp.Write("p.yaml", ManySenderPolicy.Text(7));
        var settings = _temp.Write("settings.json", """{ "Policy": { "MaxSenders": 6 } }""");
        var output = Path.Combine(_temp.Path, "out");

        var run = command == "build"
            ? CliRunner.Run("build", policy, "--out", output, "--settings", settings)
            : CliRunner.Run("validate", policy, "--settings", settings);

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = ManySenderPolicy.Text(7).Split('\n').ToList().IndexOf("senders:") + 2;
        Assert.Contains($"p.yaml:{line}:3: error RF1235: the policy lists 7 senders, more than the 6 the " +
            "Policy:MaxSenders setting allows", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("raise the Policy:MaxSenders setting", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("RF12", run.Stderr.Replace("RF1235", "", StringComparison.Ordinal),
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void APolicyAtTheLimit_Builds()
    {
        var policy = _temp.Write("p.yaml", ManySenderPolicy.Text(6));
        var settings = _temp.Write("settings.json", """{ "Policy": { "MaxSenders": 6 } }""");

        var run = CliRunner.Run("build", policy, "--out", Path.Combine(_temp.Path, "out"), "--settings", settings);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("-5")]
    public void AnUnusableLimit_IsAUsageError(string value)
    {
        var policy = _temp.Write("p.yaml", ManySenderPolicy.Text(2));
        var settings = _temp.Write("settings.json", $$"""{ "Policy": { "MaxSenders": "{{value}}" } }""");

        var run = CliRunner.Run("validate", policy, "--settings", settings);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"setting Policy:MaxSenders = '{value}' is not a whole number greater than zero",
            run.Stderr, StringComparison.Ordinal);
    }
}
