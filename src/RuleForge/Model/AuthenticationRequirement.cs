namespace RuleForge.Model;

/// <summary>
/// The checks a message must pass to be trusted by domain. With <see cref="RequireAll"/> every
/// enabled check must pass; otherwise one is enough.
/// </summary>
/// <param name="DkimDomains">Null: DKIM off. Empty: the signing domain must align with header
/// From (one of the sender's domains). Otherwise: the signing domains that count.</param>
public sealed record AuthenticationRequirement(
    bool RequireAll,
    bool Spf,
    IReadOnlyList<string>? DkimDomains,
    bool Dmarc)
{
    /// <summary>True when DKIM is one of the checks.</summary>
    public bool Dkim => DkimDomains is not null;

    /// <summary>True when DKIM must be signed by the header From domain itself.</summary>
    public bool DkimAligned => DkimDomains is { Count: 0 };

    /// <summary>The enabled checks by name, in a fixed order.</summary>
    public IReadOnlyList<string> Checks =>
        new[] { Spf ? "spf" : null, Dkim ? "dkim" : null, Dmarc ? "dmarc" : null }
            .OfType<string>()
            .ToList();
}
