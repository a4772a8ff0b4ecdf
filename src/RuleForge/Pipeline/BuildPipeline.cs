using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Planning;
using RuleForge.Proof;
using RuleForge.Rendering;
using RuleForge.Resolution;
using RuleForge.Resolution.Lock;
using RuleForge.Validation;

namespace RuleForge.Pipeline;

/// <summary>
/// Runs the stages in order (validate, resolve, plan, prove, render); each stage runs only on
/// a clean result of the one before, and every diagnostic found so far is kept.
/// </summary>
public static class BuildPipeline
{
    /// <summary>Validates a policy file only.</summary>
    public static ValidationResult Validate(string path, string displayPath, PolicyDefaults defaults) =>
        PolicyBinder.Validate(path, displayPath, defaults);

    /// <summary>Builds a policy file into rendered files and a proof; progress hears of long steps.</summary>
    public static BuildOutcome Build(
        string path, string displayPath, PolicyDefaults defaults, TemplateSource templates,
        IProgress<string>? progress = null)
    {
        var prepared = Prepare(path, displayPath, defaults, progress);
        if (prepared.Plan is not { } plan || !prepared.Succeeded)
        {
            return prepared;
        }

        var proof = prepared.Proof!;
        var diagnostics = new List<Diagnostic>(prepared.Diagnostics);
        var warnings = prepared.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        var rendered = Renderer.Render(plan, proof, templates, prepared.Selections, warnings);
        diagnostics.AddRange(rendered.Diagnostics);
        if (rendered.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new BuildOutcome(plan, proof, prepared.Selections, [], diagnostics);
        }

        var files = rendered.Files
            .Append(new RenderedFile("proof.json", ProofJson.Write(plan, proof, prepared.Selections)))
            .ToList();
        files.Add(Output.Manifest.Write(plan.Policy, path, files));
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new BuildOutcome(plan, proof, prepared.Selections, files, diagnostics);
    }

    /// <summary>
    /// Validates, resolves, plans and proves without rendering: what explain and live
    /// verification start from. The plan is null when validation or resolution failed.
    /// </summary>
    public static BuildOutcome Prepare(
        string path, string displayPath, PolicyDefaults defaults, IProgress<string>? progress = null)
    {
        var validation = Validate(path, displayPath, defaults);
        var diagnostics = new List<Diagnostic>(validation.Diagnostics);
        if (validation.Policy is null)
        {
            return Fail(diagnostics);
        }

        var resolution = PolicyResolver.Resolve(validation.Policy, LockfileLocation.For(path, displayPath), progress);
        diagnostics.AddRange(resolution.Diagnostics);
        if (resolution.Policy is null)
        {
            return Fail(diagnostics, resolution.Selections);
        }

        var plan = Plan(resolution.Policy);
        var proof = RankingProof.Prove(plan);
        diagnostics.AddRange(proof.Diagnostics);
        return new BuildOutcome(plan, proof, resolution.Selections, [], diagnostics);
    }

    /// <summary>Plans every enabled target of a resolved policy.</summary>
    public static BuildPlan Plan(Policy policy) => new(
        policy,
        policy.Targets.Postfix is { } pf ? PostfixPlanner.Plan(policy, pf) : null,
        policy.Targets.Rspamd is { } rs ? RspamdPlanner.Plan(policy, rs) : null,
        policy.Targets.SpamAssassin is { } sa ? SpamAssassinPlanner.Plan(policy, sa) : null);

    private static BuildOutcome Fail(List<Diagnostic> diagnostics, IReadOnlyList<SelectionReport>? selections = null) =>
        new(null, null, selections ?? [], [], diagnostics);
}
