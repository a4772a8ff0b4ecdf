namespace RuleForge.Net;

/// <summary>
/// An inclusive interval of addresses of one family, as 128-bit integers (IPv4 in the low 32
/// bits). <see cref="First"/> is never greater than <see cref="Last"/>.
/// </summary>
public readonly record struct AddressRange(UInt128 First, UInt128 Last);
