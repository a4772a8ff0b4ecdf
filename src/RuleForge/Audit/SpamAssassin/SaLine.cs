using RuleForge.Diagnostics;

namespace RuleForge.Audit.SpamAssassin;

/// <summary>One SpamAssassin directive: its keyword, the rest of the line, and where it is.</summary>
public sealed record SaLine(string Keyword, string Rest, SourceLocation Location)
{
    /// <summary>The rest split into the first word (a rule name, mostly) and what follows.</summary>
    public (string Name, string Value) NameAndValue()
    {
        var parts = Rest.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => ("", ""),
            1 => (parts[0], ""),
            _ => (parts[0], parts[1].Trim()),
        };
    }
}
