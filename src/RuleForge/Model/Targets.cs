namespace RuleForge.Model;

/// <summary>The enabled targets; a null member is a target the policy leaves alone.</summary>
public sealed record Targets(PostfixTarget? Postfix, RspamdTarget? Rspamd, SpamAssassinTarget? SpamAssassin);
