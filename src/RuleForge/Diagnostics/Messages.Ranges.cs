namespace RuleForge.Diagnostics;

/// <summary>Range input errors (RF1380-RF1389): lists of addresses and networks, one a line.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate RangeNotAddress = new(
        "RF1380", E,
        "'{0}' is not an IP address or network",
        "Write one IPv4 or IPv6 address a line, with an optional prefix such as 192.0.2.0/24 or " +
        "2001:db8::/32 (four decimal octets, no leading zeros); '#' starts a comment.");
    public static readonly MessageTemplate RangeBadPrefix = new(
        "RF1381", E,
        "'{0}' has a bad prefix length: it must be a number from 0 to {1}",
        "Write the prefix as /0 to /{1} after the address, or leave it out for a single address.");
    public static readonly MessageTemplate RangeInputUnreadable = new(
        "RF1382", E,
        "cannot read '{0}': {1}",
        "Check that the file exists and is readable; '-' reads standard input.");
    public static readonly MessageTemplate RangeLineTooLong = new(
        "RF1383", E,
        "the line is longer than {0} bytes",
        "Put one address or network on each line.");
    public static readonly MessageTemplate RangeMoreErrors = new(
        "RF1384", E,
        "{0} more lines are not addresses or networks (the first {1} are shown above)",
        "Fix the lines shown and run again to see the rest.");
}
