using System.Text.RegularExpressions;

namespace RuleForge.Validation;

/// <summary>
/// Install folders that generated files name (Postfix tables, Rspamd maps, SpamAssassin
/// plugins). They are printed into every target's syntax unquoted, so only a plain absolute
/// path passes: letters, digits, '/', '.', '_' and '-', optionally after Rspamd's
/// ${LOCAL_CONFDIR} or ${CONFDIR}, never with '/../'.
/// </summary>
public static partial class InstallPaths
{
    /// <summary>The rule in words, for hints.</summary>
    public const string Rule = "an absolute path of letters, digits, '/', '.', '_' and '-' " +
        "(Rspamd may start with ${LOCAL_CONFDIR} or ${CONFDIR})";

    /// <summary>True when the path may be printed into generated files as it is.</summary>
    public static bool IsValid(string path) =>
        Pattern().IsMatch(path) && !path.Contains("/../", StringComparison.Ordinal)
        && !path.EndsWith("/..", StringComparison.Ordinal);

    // Note: \z, not $: '$' also matches before a final newline, which would let "/etc/x\n"
    // through and split a directive in every file that names the folder.
    [GeneratedRegex(@"^(?:\$\{(?:LOCAL_CONFDIR|CONFDIR)\})?/[A-Za-z0-9/._-]{1,200}\z")]
    private static partial Regex Pattern();
}
