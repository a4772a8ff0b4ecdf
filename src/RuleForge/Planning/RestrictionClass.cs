namespace RuleForge.Planning;

/// <summary>
/// A named smtpd restriction class. A client range maps to it, and it accepts only when the
/// envelope sender's domain is one of the trusted sender's domains.
/// </summary>
public sealed record RestrictionClass(string Name, string SenderId, string Restrictions, string SenderTableFile);
