namespace RuleForge.Proof;

/// <summary>Outcome of one proof obligation.</summary>
public enum ObligationStatus
{
    /// <summary>The sender's trust wins at this stage.</summary>
    Proven,

    /// <summary>The sender can lose to the blocklist here: an error.</summary>
    Failed,

    /// <summary>The blocklist cannot act at this stage, so there is nothing to prove.</summary>
    NotApplicable,
}
