using RuleForge.Loading;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Ci;

/// <summary>
/// The example pipelines in docs/ci run: every line of theirs that starts with 'ruleforge' is
/// run here with bash, with the pipeline's own variables, against a copy of the example policy
/// and its committed output; the pre-commit hook is run by git in a scratch repository.
/// </summary>
[Collection(LiveDaemonsCollection.Name)]
public sealed class CiExampleTests : IDisposable
{
    private static readonly string Docs = Path.Combine(RepoPaths.Root, "docs", "ci");
    private static readonly string[] Subcommands = ["validate", "check", "build", "verify", "diff"];
    private readonly Shell _shell = new();
    private readonly TempFolder _temp = new();

    public static TheoryData<string> Pipelines() => new("github-actions.yml", "gitlab-ci.yml");

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Pipeline_RunsEveryStage_AgainstTheExamplePolicy(string file)
    {
        var (lines, variables) = Read(file);
        Assert.Equal(Subcommands.Order(), lines.Select(l => l.Split(' ')[1]).Distinct().Order());
        CopyRepository(variables);

        foreach (var line in lines)
        {
            var result = _shell.Run(line, _temp.Path, variables);

            Assert.True(result.ExitCode == 0, $"{file}: '{line}' failed:\n{result}");
        }

        var built = Path.Combine(_temp.Path, variables["BUILD"]);
        Assert.True(File.Exists(Path.Combine(built, "proof.md")), $"{file}: the artifact has no proof.md");
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Pipeline_FailsTheCheck_WhenTheCommittedOutputIsStale(string file)
    {
        var (lines, variables) = Read(file);
        CopyRepository(variables);
        var policy = Path.Combine(_temp.Path, variables["POLICY"]);
        var text = File.ReadAllText(policy);
        Assert.Contains("rspamd: { score: 7 }", text, StringComparison.Ordinal);
        File.WriteAllText(policy,
            text.Replace("rspamd: { score: 7 }", "rspamd: { score: 8 }", StringComparison.Ordinal));

        var check = _shell.Run(lines.Single(l => l.StartsWith("ruleforge check ", StringComparison.Ordinal)),
            _temp.Path, variables);
        var diff = _shell.Run(lines.Single(l => l.StartsWith("ruleforge diff ", StringComparison.Ordinal)),
            _temp.Path, variables);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"changed: {variables["OUT"]}/rspamd/local.d/rbl_group.conf", check.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("is stale", check.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("+++ ", diff.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PreCommitHook_RefusesStaleOutput_AndAcceptsFreshOutput()
    {
        Git("init -q");
        Git("config user.name Test");
        Git("config user.email test@example.invalid");
        Git("config core.hooksPath .git/hooks");
        CopyTree(Path.Combine(RepoPaths.Rules, "feeds"), _temp["rules/feeds"]);
        File.Copy(Path.Combine(RepoPaths.Rules, "efax.yaml"), _temp["rules/efax.yaml"]);
        Run("ruleforge build rules/efax.yaml --out out/efax");
        var hook = Path.Combine(_temp.Path, ".git", "hooks", "pre-commit");
        File.Copy(Path.Combine(Docs, "pre-commit"), hook);
        Run("chmod +x .git/hooks/pre-commit");
        Git("add -A");
        Assert.Equal(0, Commit("fresh").ExitCode);

        var policy = _temp["rules/efax.yaml"];
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("rspamd: { score: 7 }", "rspamd: { score: 8 }",
            StringComparison.Ordinal));
        Git("add rules/efax.yaml");
        var stale = Commit("policy only");
        Run("ruleforge build rules/efax.yaml --out out/efax");
        var unstaged = Commit("output built but not staged");
        Git("add -A");
        var fresh = Commit("policy and output");

        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("out/efax is stale", stale.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, unstaged.ExitCode);
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.Equal("2", Run("git rev-list --count HEAD").Stdout.Trim());
    }

    [Fact]
    public void PreCommitHook_RefusesAnInvalidPolicy()
    {
        Git("init -q");
        Git("config user.name Test");
        Git("config user.email test@example.invalid");
        Git("config core.hooksPath .git/hooks");
        _temp.Write("rules/bad.yaml", "policy: bad\npolcy: typo\n");
        var hook = Path.Combine(_temp.Path, ".git", "hooks", "pre-commit");
        File.Copy(Path.Combine(Docs, "pre-commit"), hook);
        Run("chmod +x .git/hooks/pre-commit");
        Git("add -A");

        var result = Commit("bad policy");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error RF1201", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _shell.Dispose();
        _temp.Dispose();
    }

    // The 'ruleforge' lines of a pipeline and its top-level variables (GitHub 'env', GitLab 'variables').
    private static (List<string> Lines, Dictionary<string, string> Variables) Read(string file)
    {
        var loaded = YamlLoader.LoadFile(Path.Combine(Docs, file), file);
        var root = Assert.IsType<MappingSyntax>(loaded.Root);
        var variables = (root.Find("env") ?? root.Find("variables"))?.Value is MappingSyntax vars
            ? vars.Entries.ToDictionary(e => e.Key.Value, e => ((ScalarSyntax)e.Value).Value)
            : [];
        var lines = new List<string>();
        Collect(root, lines);
        Assert.Contains("POLICY", variables.Keys);
        return (lines, variables);
    }

    private static void Collect(SyntaxNode node, List<string> lines)
    {
        switch (node)
        {
            case MappingSyntax map:
                foreach (var entry in map.Entries)
                {
                    if (entry.Key.Value is "run" or "script" or "before_script" or "after_script")
                    {
                        Commands(entry.Value, lines);
                    }

                    Collect(entry.Value, lines);
                }

                break;
            case SequenceSyntax seq:
                seq.Items.ToList().ForEach(i => Collect(i, lines));
                break;
        }
    }

    private static void Commands(SyntaxNode node, List<string> lines)
    {
        var texts = node switch
        {
            ScalarSyntax s => [s.Value],
            SequenceSyntax seq => seq.Items.OfType<ScalarSyntax>().Select(s => s.Value),
            _ => Array.Empty<string>(),
        };
        lines.AddRange(texts.SelectMany(t => t.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("ruleforge ", StringComparison.Ordinal)));
    }

    // The example policy's folder (feeds, lockfiles) and the committed output OUT names.
    private void CopyRepository(Dictionary<string, string> variables)
    {
        var policy = variables["POLICY"];
        CopyTree(Path.GetDirectoryName(Path.Combine(RepoPaths.Root, policy))!, Path.GetDirectoryName(_temp[policy])!);
        CopyTree(Path.Combine(RepoPaths.Root, variables["OUT"]), _temp[variables["OUT"]]);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private void Git(string args)
    {
        var result = Run($"git {args}");
        Assert.True(result.ExitCode == 0, $"git {args}:\n{result}");
    }

    private CliResult Commit(string message) => Run($"git commit -q -m '{message}'");

    private CliResult Run(string line) => _shell.Run(line, _temp.Path);
}
