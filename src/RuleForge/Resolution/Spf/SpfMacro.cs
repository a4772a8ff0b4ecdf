using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RuleForge.Resolution.Spf;

/// <summary>
/// Expands the macros of RFC 7208 section 7 that do not depend on the message: %{d} (the
/// domain whose record is evaluated) and %{o} (the sender's domain), with their transformers,
/// and the escapes %%, %_ and %-. Every other macro letter depends on the client or the
/// envelope, so a domain-spec that uses one cannot be resolved at build time.
/// </summary>
public static partial class SpfMacro
{
    /// <summary>
    /// Expands <paramref name="spec"/>; returns false with the first macro that cannot be
    /// expanded (or is malformed) in <paramref name="blocker"/>.
    /// </summary>
    public static bool TryExpand(
        string spec, string currentDomain, string senderDomain, out string expanded, out string blocker)
    {
        expanded = spec;
        blocker = "";
        if (!spec.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        var text = new StringBuilder();
        for (var i = 0; i < spec.Length; i++)
        {
            if (spec[i] != '%')
            {
                text.Append(spec[i]);
                continue;
            }

            var next = i + 1 < spec.Length ? spec[i + 1] : '\0';
            if (next is '%' or '_' or '-')
            {
                text.Append(next switch { '%' => "%", '_' => " ", _ => "%20" });
                i++;
                continue;
            }

            var m = next == '{' ? MacroPattern().Match(spec, i) : Match.Empty;
            if (!m.Success || m.Index != i)
            {
                blocker = spec[i..Math.Min(spec.Length, i + 2)];
                return false;
            }

            var letter = char.ToLowerInvariant(m.Groups["letter"].Value[0]);
            if (letter is not ('d' or 'o'))
            {
                blocker = m.Value;
                return false;
            }

            text.Append(Transform(letter == 'd' ? currentDomain : senderDomain, m));
            i += m.Length - 1;
        }

        expanded = text.ToString();
        return true;
    }

    private static string Transform(string value, Match m)
    {
        var delimiters = m.Groups["delimiters"].Value;
        var parts = value.Split(delimiters.Length == 0 ? ['.'] : delimiters.ToCharArray()).ToList();
        if (m.Groups["reverse"].Success)
        {
            parts.Reverse();
        }

        if (m.Groups["digits"].Success
            && int.TryParse(m.Groups["digits"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var keep)
            && keep > 0 && keep < parts.Count)
        {
            parts = parts.GetRange(parts.Count - keep, keep);
        }

        return string.Join('.', parts);
    }

    [GeneratedRegex(
        @"%\{(?<letter>[slodiphcrtv])(?<digits>\d+)?(?<reverse>r)?(?<delimiters>[.\-+,/_=]*)\}",
        RegexOptions.IgnoreCase)]
    private static partial Regex MacroPattern();
}
