using RuleForge.Diagnostics;

namespace RuleForge.Model;

/// <summary>A domain whose SPF record, flattened and pinned in the lockfile, a sender trusts.</summary>
/// <param name="Domain">The domain whose SPF record is flattened, ASCII form.</param>
/// <param name="Location">Where the policy names it.</param>
public sealed record SpfTrust(string Domain, SourceLocation Location);
