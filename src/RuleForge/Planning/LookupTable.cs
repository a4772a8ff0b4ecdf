namespace RuleForge.Planning;

/// <summary>A Postfix lookup table file: its type (cidr, texthash), name and entries in order.</summary>
public sealed record LookupTable(string Type, string FileName, string Purpose, IReadOnlyList<TableEntry> Entries)
{
    /// <summary>The map reference as main.cf spells it, e.g. cidr:/etc/postfix/ruleforge/x.cidr.</summary>
    public string Reference(string directory) => $"{Type}:{directory}/{FileName}";
}
