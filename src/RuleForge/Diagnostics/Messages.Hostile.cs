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
    public static readonly MessageTemplate SpfRecordTooLarge = new(
        "RF1232", E,
        "the SPF record of '{0}' is {1} bytes long, more than the {2} bytes RuleForge reads",
        "RFC 7208 3.4 asks for SPF records that fit a 512-byte DNS answer; a record this large is refused, " +
        "not flattened, and the lockfile is left as it was. Ask the sender to split it with include:, or raise " +
        "the Spf:MaxRecordBytes setting if the record is genuine.");
    public static readonly MessageTemplate TxtTooManyStrings = new(
        "RF1233", E,
        "a TXT record of '{0}' is made of {1} strings, more than the {2} RuleForge reads",
        "A real SPF record needs a few 255-byte strings; this answer is refused and the lockfile is left as " +
        "it was. Check the DNS server, or raise the Spf:MaxTxtStrings setting if the record is genuine.");
    public static readonly MessageTemplate TxtTooManyRecords = new(
        "RF1234", E,
        "'{0}' has {1} TXT records, more than the {2} RuleForge reads",
        "The answer is refused and the lockfile is left as it was. Check the DNS server, or raise the " +
        "Spf:MaxTxtRecords setting if the domain really publishes that many TXT records.");
    public static readonly MessageTemplate TooManySenders = new(
        "RF1235", E,
        "the policy lists {0} senders, more than the {1} the Policy:MaxSenders setting allows",
        "Each sender becomes its own lookup tables and map files and a section of every report, so a " +
        "build grows with the count. Merge senders that share a provider into one sender with several " +
        "domains and ranges, split the policy by site, or raise the Policy:MaxSenders setting.");
}
