namespace RuleForge.Planning;

/// <summary>One network of a named client list (ruleforge_client_net LIST CIDR).</summary>
public sealed record SaClientNet(string List, string Network, string Comment);
