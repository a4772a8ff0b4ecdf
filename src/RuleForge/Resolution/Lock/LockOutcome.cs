using RuleForge.Diagnostics;

namespace RuleForge.Resolution.Lock;

/// <summary>The result of a lock run.</summary>
/// <param name="Lockfile">The new lockfile, or null when anything failed (then nothing may be written).</param>
/// <param name="Resolved">The SPF domains resolved in this run, in policy order.</param>
/// <param name="Changes">Per sender with SPF domains or feed selections, what changed against the
/// previous lockfile.</param>
/// <param name="Diagnostics">Flattening warnings and errors, and the lock's own.</param>
public sealed record LockOutcome(
    Lockfile? Lockfile,
    IReadOnlyList<string> Resolved,
    IReadOnlyList<SenderRangeChange> Changes,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The feeds read in this run, each as "id (downloaded|not modified|read)".</summary>
    public IReadOnlyList<string> FeedsRead { get; init; } = [];

    /// <summary>True when a lockfile may be written.</summary>
    public bool Succeeded => Lockfile is not null && Diagnostics.All(d => d.Severity != Severity.Error);
}
