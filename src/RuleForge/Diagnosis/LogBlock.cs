namespace RuleForge.Diagnosis;

/// <summary>
/// A run of whole lines cut from a log stream (the last block of a stream may end without a line
/// end), or the marker of one line too long for any block. The buffer is rented and goes back to
/// the pool once the block is parsed.
/// </summary>
public sealed class LogBlock
{
    internal LogBlock(byte[] buffer, int length, bool overlong)
    {
        Buffer = buffer;
        Length = length;
        Overlong = overlong;
    }

    /// <summary>The buffer; only the first <see cref="Length"/> bytes are the block's.</summary>
    public byte[] Buffer { get; }

    /// <summary>Bytes of the block.</summary>
    public int Length { get; }

    /// <summary>True for the marker of a line longer than a whole buffer (it holds no bytes).</summary>
    public bool Overlong { get; }

    /// <summary>The block's bytes.</summary>
    public ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);
}
