namespace RuleForge.Explanation;

/// <summary>
/// Evaluates the boolean expressions RuleForge writes: Rspamd composites (&amp;, |, !) and
/// SpamAssassin metas (&amp;&amp;, ||, !), with parentheses. Atoms are symbol names, optionally
/// with an option filter in brackets (DKIM_TRACE[example.com:+]).
/// </summary>
public static class BooleanExpression
{
    /// <summary>Evaluates the expression; <paramref name="atom"/> says whether an atom holds.</summary>
    public static bool Evaluate(string expression, Func<string, bool> atom)
    {
        var tokens = Tokenize(expression);
        var position = 0;
        var result = Or(tokens, ref position, atom);
        return position == tokens.Count
            ? result
            : throw new FormatException($"unexpected '{tokens[position]}' in '{expression}'");
    }

    private static bool Or(List<string> t, ref int p, Func<string, bool> atom)
    {
        var value = And(t, ref p, atom);
        while (p < t.Count && t[p] == "|")
        {
            p++;
            value |= And(t, ref p, atom);
        }

        return value;
    }

    private static bool And(List<string> t, ref int p, Func<string, bool> atom)
    {
        var value = Unary(t, ref p, atom);
        while (p < t.Count && t[p] == "&")
        {
            p++;
            value &= Unary(t, ref p, atom);
        }

        return value;
    }

    private static bool Unary(List<string> t, ref int p, Func<string, bool> atom)
    {
        if (p >= t.Count)
        {
            throw new FormatException("expression ends early");
        }

        switch (t[p])
        {
            case "!":
                p++;
                return !Unary(t, ref p, atom);
            case "(":
                p++;
                var inner = Or(t, ref p, atom);
                if (p >= t.Count || t[p] != ")")
                {
                    throw new FormatException("missing ')'");
                }

                p++;
                return inner;
            default:
                return atom(t[p++]);
        }
    }

    private static bool EndsAtom(char c) => char.IsWhiteSpace(c) || c is '&' or '|' or '(' or ')' or '!';

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '&' or '|')
            {
                tokens.Add(c.ToString());
                i += i + 1 < text.Length && text[i + 1] == c ? 2 : 1;
            }
            else if (c is '!' or '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                var depth = 0;
                while (i < text.Length && (depth > 0 || !EndsAtom(text[i])))
                {
                    depth += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
