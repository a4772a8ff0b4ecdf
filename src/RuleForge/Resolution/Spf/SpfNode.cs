using RuleForge.Diagnostics;

namespace RuleForge.Resolution.Spf;

/// <summary>The SPF record of one domain in the tree, and its evaluated terms.</summary>
/// <param name="Domain">The domain whose TXT records were read.</param>
/// <param name="Record">The SPF record text, or null when the domain publishes none.</param>
/// <param name="Terms">Mechanisms in record order, then the redirect when present.</param>
/// <param name="Diagnostics">Problems found in this record, in term order.</param>
public sealed record SpfNode(
    string Domain,
    string? Record,
    IReadOnlyList<SpfTermResult> Terms,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>This node and every node below it, depth first in record order.</summary>
    public IEnumerable<SpfNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Terms.Select(t => t.Child).OfType<SpfNode>())
        {
            foreach (var node in child.SelfAndDescendants())
            {
                yield return node;
            }
        }
    }
}
