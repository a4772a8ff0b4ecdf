using RuleForge.Diagnostics;

namespace RuleForge.Audit.Postfix;

/// <summary>
/// One restriction of an smtpd restriction list after expansion, with its argument (a zone or
/// a lookup table) and where it was written.
/// </summary>
public sealed record RestrictionItem(string Name, string? Argument, SourceLocation Location, bool WarnOnly = false)
{
    private static readonly HashSet<string> Blocklists = new(StringComparer.Ordinal)
    {
        "reject_rbl_client", "reject_rhsbl_client", "reject_rhsbl_sender", "reject_rhsbl_helo",
        "reject_rhsbl_reverse_client", "reject_rhsbl_recipient",
    };

    private static readonly HashSet<string> WithArgument = new(StringComparer.Ordinal)
    {
        "permit_dnswl_client", "permit_rhswl_client", "check_client_access", "check_client_a_access",
        "check_reverse_client_hostname_access", "check_sender_access", "check_helo_access",
        "check_recipient_access", "check_client_mx_access", "check_client_ns_access", "check_sender_mx_access",
        "check_sender_ns_access", "check_sender_a_access", "check_helo_a_access", "check_policy_service",
        "check_ccert_access", "check_sasl_access", "check_recipient_mx_access", "check_recipient_ns_access",
        "check_recipient_a_access", "check_helo_mx_access", "check_helo_ns_access",
        "check_reverse_client_hostname_a_access", "check_reverse_client_hostname_mx_access",
        "check_reverse_client_hostname_ns_access",
    };

    /// <summary>True for a DNS blocklist reject (reject_rbl_client, reject_rhsbl_*) that is not warn-only.</summary>
    public bool IsBlocklistReject => !WarnOnly && Blocklists.Contains(Name);

    /// <summary>True for a check that trusts the client by its address.</summary>
    public bool IsClientTrust => Name is "check_client_access" or "permit_dnswl_client";

    /// <summary>True for a check that trusts by the envelope sender, which the client chooses freely.</summary>
    public bool IsSenderTrust => Name == "check_sender_access";

    /// <summary>The zone of a blocklist restriction, without its filter.</summary>
    public string Zone => Argument is null ? "" : Argument.Split('=', 2)[0];

    /// <summary>The listing-code filter (after '='), or null when there is none.</summary>
    public string? Filter => Argument?.Contains('=', StringComparison.Ordinal) == true
        ? Argument.Split('=', 2)[1]
        : null;

    /// <summary>The restriction as written, for messages.</summary>
    public string Text => Argument is null ? Name : $"{Name} {Argument}";

    /// <summary>Splits an expanded restriction list into restrictions, taking arguments along.</summary>
    public static IReadOnlyList<RestrictionItem> Split(PositionedText list)
    {
        var words = Tokens(list);
        var items = new List<RestrictionItem>();
        var warnOnly = false;
        for (var i = 0; i < words.Count; i++)
        {
            var name = words[i].Text;
            if (name == "warn_if_reject")
            {
                // Note: the next restriction only logs what it would reject.
                warnOnly = true;
                continue;
            }

            string? argument = null;
            if ((Blocklists.Contains(name) || WithArgument.Contains(name)) && i + 1 < words.Count)
            {
                argument = words[++i].Text;
            }

            items.Add(new RestrictionItem(name, argument, words[i - (argument is null ? 0 : 1)].At(0), warnOnly));
            warnOnly = false;
        }

        return items;
    }

    /// <summary>Splits on whitespace and commas; a { ... } group stays one token.</summary>
    public static List<PositionedText> Tokens(PositionedText list)
    {
        var text = list.Text;
        var tokens = new List<PositionedText>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == ',')
            {
                i++;
                continue;
            }

            var start = i;
            var depth = 0;
            while (i < text.Length && (depth > 0 || !(char.IsWhiteSpace(text[i]) || text[i] == ',')))
            {
                depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
                i++;
            }

            tokens.Add(list.Slice(start, i - start));
        }

        return tokens;
    }
}
