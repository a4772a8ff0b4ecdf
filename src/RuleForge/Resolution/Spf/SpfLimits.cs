namespace RuleForge.Resolution.Spf;

/// <summary>
/// RFC 7208 limits, reported as the sender's problem when exceeded, and RuleForge's own bounds,
/// which stop flattening.
/// </summary>
/// <param name="Lookups">DNS-querying terms a receiver evaluates before permerror (RFC: 10).</param>
/// <param name="VoidLookups">Lookups that may find nothing before permerror (RFC: 2).</param>
/// <param name="MxNames">MX host names one mx term may have (RFC: 10).</param>
/// <param name="Depth">How deep includes and redirects may nest before flattening stops.</param>
/// <param name="Queries">How many distinct DNS questions one flattening may ask.</param>
/// <param name="Terms">How many terms the whole tree may hold.</param>
/// <param name="RecordBytes">
/// The largest SPF record (its strings joined, in bytes) that is read at all; RFC 7208 3.4 asks
/// publishers to fit the answer in 512 bytes, so a record many times that size is refused.
/// </param>
/// <param name="TxtStrings">How many strings one TXT record of an SPF name may have.</param>
/// <param name="TxtRecords">How many TXT records one SPF name may have.</param>
public sealed record SpfLimits(
    int Lookups = 10,
    int VoidLookups = 2,
    int MxNames = 10,
    int Depth = 10,
    int Queries = 100,
    int Terms = 1000,
    int RecordBytes = SpfLimits.DefaultRecordBytes,
    int TxtStrings = SpfLimits.DefaultTxtStrings,
    int TxtRecords = SpfLimits.DefaultTxtRecords)
{
    /// <summary>Default <see cref="RecordBytes"/>: 2048, four times the RFC's 512-byte answer.</summary>
    public const int DefaultRecordBytes = 2048;

    /// <summary>Default <see cref="TxtStrings"/>: 32 (a 2048-byte record needs 9 strings of 255).</summary>
    public const int DefaultTxtStrings = 32;

    /// <summary>Default <see cref="TxtRecords"/>: 64 TXT records at one name.</summary>
    public const int DefaultTxtRecords = 64;

    /// <summary>The RFC limits and RuleForge's bounds.</summary>
    public static SpfLimits Default { get; } = new();
}
