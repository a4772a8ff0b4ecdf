namespace RuleForge.Diagnostics;

/// <summary>Messages for hostile and malformed input (issue 9): RF1228-RF1239, RF1390-RF1399.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate TagRefused = new(
        "RF1228", E,
        "the YAML tag '{0}' is not allowed in a policy",
        "Remove the tag; a policy holds plain text, numbers, lists and mappings, and a tag would change " +
        "how some tools read the value.");
    public static readonly MessageTemplate ControlCharacter = new(
        "RF1229", E,
        "the character U+{0} is not allowed in a policy",
        "Remove it: control characters and Unicode line separators are invisible in review and tools " +
        "disagree on them; write line breaks as plain newlines.");
    public static readonly MessageTemplate BroadTotal = new(
        "RF1230", E,
        "the ranges that {0} adds to sender '{1}' cover {2} {3} addresses together, more than a /{4}",
        "Narrow the selection, or add 'broad' to the sender's ranges.acknowledge list if the provider " +
        "really sends from all of it.");
    public static readonly MessageTemplate MoreLeftOut = new(
        "RF1231", E,
        "{0} more {1} diagnostics are not listed (only the first {2} of one kind are)",
        "Fix the ones listed and run again; the rest are the same mistake.");
}
