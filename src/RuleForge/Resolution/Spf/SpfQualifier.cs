namespace RuleForge.Resolution.Spf;

/// <summary>The result a matching SPF term gives (RFC 7208 4.6.2).</summary>
public enum SpfQualifier
{
    /// <summary><c>+</c> or no qualifier: the only one that grants trust.</summary>
    Pass,

    /// <summary><c>-</c></summary>
    Fail,

    /// <summary><c>~</c></summary>
    SoftFail,

    /// <summary><c>?</c></summary>
    Neutral,
}
