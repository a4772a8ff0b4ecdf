namespace RuleForge.Model;

/// <summary>Postscreen's DNSBL scoring: a client is rejected when its weights reach the threshold.</summary>
public sealed record PostscreenSettings(int Threshold, string Action);
