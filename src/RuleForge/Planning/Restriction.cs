namespace RuleForge.Planning;

/// <summary>
/// One entry of a restriction list. <see cref="Text"/> is the exact Postfix syntax;
/// <see cref="SenderId"/> or <see cref="BlocklistId"/> say which policy item it serves.
/// </summary>
public sealed record Restriction(
    RestrictionKind Kind,
    string Text,
    string? SenderId = null,
    string? BlocklistId = null,
    string? TableFile = null);
