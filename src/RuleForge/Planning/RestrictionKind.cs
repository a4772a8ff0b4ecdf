namespace RuleForge.Planning;

/// <summary>What a restriction list entry does.</summary>
public enum RestrictionKind
{
    /// <summary>A site restriction kept from the policy's 'before' list.</summary>
    Site,

    /// <summary>check_client_access on a sender's ranges: OK, or a restriction class.</summary>
    TrustClient,

    /// <summary>reject_rbl_client with listing-code filter.</summary>
    RejectClientBlocklist,

    /// <summary>reject_rhsbl_sender with listing-code filter.</summary>
    RejectSenderBlocklist,
}
