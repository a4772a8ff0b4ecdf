namespace RuleForge.Diagnosis;

/// <summary>What a dnsblog line says: the address, the zone (lower case) and the A record it answered.</summary>
internal sealed record DnsblogAnswer(string Ip, string Zone, string Answer);
