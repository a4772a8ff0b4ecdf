using RuleForge.Diagnostics;

namespace RuleForge.Audit.Postfix;

/// <summary>
/// The parameters one service sees: its -o overrides, then main.cf, then the Postfix defaults
/// the audit needs. Values are expanded ($name, ${name}, $(name), ${name?text}, ${name:text})
/// recursively, with a guard against loops.
/// </summary>
public sealed class PostfixSettings(MainCf main, PostfixService? service, DiagnosticBag findings)
{
    private const int MaxDepth = 20;

    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["config_directory"] = "/etc/postfix",
        ["smtpd_relay_restrictions"] = "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination",
        ["postscreen_access_list"] = "permit_mynetworks",
        ["postscreen_dnsbl_threshold"] = "1",
        ["smtpd_service_name"] = "smtpd",
        ["dnsblog_service_name"] = "dnsblog",
    };

    private readonly HashSet<string> _loopsReported = new(StringComparer.Ordinal);

    /// <summary>The service these settings are for, or null for main.cf alone.</summary>
    public PostfixService? Service => service;

    /// <summary>Where a parameter was set, or null when it has its default value.</summary>
    public PostfixParameter? Source(string name) =>
        service?.Overrides.GetValueOrDefault(name) ?? main.Parameters.GetValueOrDefault(name);

    /// <summary>The expanded value of a parameter ("" when unset and without a known default).</summary>
    public PositionedText Get(string name) => Get(name, new Stack<string>());

    private PositionedText Get(string name, Stack<string> active)
    {
        if (Source(name) is { } set)
        {
            if (active.Contains(name) || active.Count > MaxDepth)
            {
                if (_loopsReported.Add(name))
                {
                    findings.Report(Messages.AuditExpansionLoop, set.Location, active.Last(), name);
                }

                return PositionedText.Empty;
            }

            active.Push(name);
            var value = Expand(set.Value, active);
            active.Pop();
            return value;
        }

        return Defaults.TryGetValue(name, out var text)
            ? PositionedText.FromLine(text, main.File, 0, 0)
            : PositionedText.Empty;
    }

    private PositionedText Expand(PositionedText value, Stack<string> active)
    {
        var text = value.Text;
        var result = new PositionedText.Builder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                result.Append(text[i], value.At(i));
                i++;
                continue;
            }

            var next = text[i + 1];
            if (next == '$')
            {
                result.Append('$', value.At(i));
                i += 2;
                continue;
            }

            if (next is '{' or '(')
            {
                var close = Close(text, i + 1);
                if (close < 0)
                {
                    result.Append(text[i], value.At(i));
                    i++;
                    continue;
                }

                result.Append(ExpandBraced(value.Slice(i + 2, close - i - 2), active));
                i = close + 1;
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            if (end == i + 1)
            {
                result.Append(text[i], value.At(i));
                i++;
                continue;
            }

            result.Append(Get(text[(i + 1)..end], active));
            i = end;
        }

        return result.Build();
    }

    // ${name}, ${name?text} (text when name is not empty), ${name:text} (text when it is empty).
    private PositionedText ExpandBraced(PositionedText inner, Stack<string> active)
    {
        var text = inner.Text;
        var op = text.IndexOfAny(['?', ':']);
        if (op < 0)
        {
            return Get(text.Trim(), active);
        }

        var isSet = Get(text[..op].Trim(), active).Text.Length > 0;
        var rest = inner.Slice(op + 1, text.Length - op - 1);
        if (rest.Text.StartsWith('{') && rest.Text.EndsWith('}'))
        {
            rest = rest.Slice(1, rest.Text.Length - 2);
        }

        return (text[op] == '?') == isSet ? Expand(rest, active) : PositionedText.Empty;
    }

    private static int Close(string text, int open)
    {
        var (o, c) = text[open] == '{' ? ('{', '}') : ('(', ')');
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == o)
            {
                depth++;
            }
            else if (text[i] == c && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
