namespace RuleForge.Audit.Rspamd;

/// <summary>One parsed file of local.d or override.d, named as findings show it ("local.d/rbl.conf").</summary>
public sealed record RspamdFile(string Name, string Display, UclObject Root);
