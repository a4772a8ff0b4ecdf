using RuleForge.Explanation;

namespace RuleForge.Diagnosis;

/// <summary>
/// Reads SPF, DKIM and DMARC results from the content filters' own symbols (Rspamd R_SPF_ALLOW,
/// R_DKIM_ALLOW{domain}, DMARC_POLICY_ALLOW; SpamAssassin SPF_PASS, DKIM_VALID_AU, DMARC_PASS), so
/// explain sees what the filter saw.
/// </summary>
public static class AuthSymbols
{
    // Note: the names the switch in Read looks at; keep the two together.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "R_SPF_ALLOW", "SPF_PASS", "R_SPF_FAIL", "SPF_FAIL", "R_SPF_SOFTFAIL", "SPF_SOFTFAIL", "R_DKIM_ALLOW",
        "DKIM_VALID_AU", "R_DKIM_REJECT", "DKIM_INVALID", "DMARC_POLICY_ALLOW", "DMARC_PASS", "DMARC_POLICY_REJECT",
        "DMARC_POLICY_QUARANTINE", "DMARC_POLICY_SOFTFAIL", "DMARC_REJECT", "DMARC_QUAR", "DMARC_NONE",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownNames =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <see cref="Read"/> takes anything from a symbol of this name.</summary>
    public static bool IsKnown(ReadOnlySpan<char> name) => KnownNames.Contains(name);

    /// <summary>The results the symbols show; None where they say nothing.</summary>
    public static (AuthResult Spf, AuthResult Dkim, string? DkimDomain, AuthResult Dmarc) Read(
        IEnumerable<ContentSymbol> symbols, string? envelopeDomain)
    {
        AuthResult spf = AuthResult.None, dkim = AuthResult.None, dmarc = AuthResult.None;
        string? dkimDomain = null;
        foreach (var s in symbols)
        {
            switch (s.Name)
            {
                case "R_SPF_ALLOW" or "SPF_PASS":
                    spf = AuthResult.Pass;
                    break;
                case "R_SPF_FAIL" or "SPF_FAIL":
                    spf = AuthResult.Fail;
                    break;
                case "R_SPF_SOFTFAIL" or "SPF_SOFTFAIL":
                    spf = AuthResult.SoftFail;
                    break;
                case "R_DKIM_ALLOW":
                    dkim = AuthResult.Pass;
                    dkimDomain = s.Options.Count > 0 ? s.Options[0].Split(':')[0].ToLowerInvariant() : envelopeDomain;
                    break;
                case "DKIM_VALID_AU":
                    // Limitation: SpamAssassin logs no signing domain; aligned means the From domain,
                    // which the log does not show either, so the envelope domain stands in.
                    dkim = AuthResult.Pass;
                    dkimDomain = envelopeDomain;
                    break;
                case "R_DKIM_REJECT" or "DKIM_INVALID":
                    dkim = dkim == AuthResult.Pass ? dkim : AuthResult.Fail;
                    break;
                case "DMARC_POLICY_ALLOW" or "DMARC_PASS":
                    dmarc = AuthResult.Pass;
                    break;
                case "DMARC_POLICY_REJECT" or "DMARC_POLICY_QUARANTINE" or "DMARC_POLICY_SOFTFAIL"
                    or "DMARC_REJECT" or "DMARC_QUAR" or "DMARC_NONE":
                    dmarc = AuthResult.Fail;
                    break;
            }
        }

        return (spf, dkim, dkim == AuthResult.Pass ? dkimDomain : null, dmarc);
    }
}
