namespace RuleForge.Resolution.Spf;

/// <summary>One of RuleForge's own bounds stopped the flattening (not the RFC limits).</summary>
internal sealed class SpfLimitException(string reason) : Exception(reason);
