namespace RuleForge.Resolution.Lock;

/// <summary>Where a policy's lockfile lives: beside the policy, named after it.</summary>
/// <param name="FullPath">The path used to read and write it.</param>
/// <param name="DisplayPath">How diagnostics name it.</param>
/// <param name="PolicyDisplayPath">How diagnostics name the policy (in "run ruleforge lock" hints).</param>
public sealed record LockfileLocation(string FullPath, string DisplayPath, string PolicyDisplayPath)
{
    /// <summary>The suffix added to the policy file's name.</summary>
    public const string Suffix = ".lock.json";

    /// <summary>The lockfile of a policy file: <c>rules/efax.yaml.lock.json</c>.</summary>
    public static LockfileLocation For(string policyPath, string policyDisplayPath) =>
        new(Path.GetFullPath(policyPath) + Suffix, policyDisplayPath + Suffix, policyDisplayPath);
}
