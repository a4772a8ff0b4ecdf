using System.Globalization;
using System.Text.RegularExpressions;
using RuleForge.Net;

namespace RuleForge.Audit.SpamAssassin;

/// <summary>
/// How SpamAssassin matches a DNSBL answer against a sub-test: a number is a bit mask, an
/// address or a first-last range compares addresses, anything else is a regular expression
/// over the dotted answer.
/// </summary>
public static class SaSubtest
{
    /// <summary>True when the sub-test accepts the answer; null when it cannot be read.</summary>
    public static bool? Matches(string subtest, uint answer)
    {
        var text = subtest.Trim();
        if (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mask)
            || (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && uint.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out mask)))
        {
            return (answer & mask) != 0;
        }

        var range = text.Split('-');
        if (range.All(r => Address(r) is not null) && range.Length is 1 or 2)
        {
            return answer >= Address(range[0]) && answer <= Address(range[^1]);
        }

        try
        {
            return Regex.IsMatch(Model.ListingCodeRange.Format(answer), text, RegexOptions.None,
                TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static uint? Address(string text) =>
        IpNetwork.TryParseAddress(text.Trim(), out var family, out var value) && family == IpFamily.V4
            ? (uint)value
            : null;
}
