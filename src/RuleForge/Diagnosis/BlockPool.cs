namespace RuleForge.Diagnosis;

/// <summary>
/// Block buffers for one run, handed back and forth between the reading thread and the parsing
/// threads. A buffer of a block is larger than the runtime's small-object limit, so renting each
/// one anew would churn the large-object heap and force full collections: a run reuses its own few.
/// </summary>
public sealed class BlockPool
{
    private readonly Stack<byte[]> _free = new();

    /// <summary>A free buffer of <see cref="LogLineReader.BlockSize"/> bytes.</summary>
    public byte[] Rent()
    {
        lock (_free)
        {
            if (_free.Count > 0)
            {
                return _free.Pop();
            }
        }

        return new byte[LogLineReader.BlockSize];
    }

    /// <summary>Gives a buffer back for the next block.</summary>
    public void Return(byte[] buffer)
    {
        if (buffer.Length != LogLineReader.BlockSize)
        {
            return;
        }

        lock (_free)
        {
            _free.Push(buffer);
        }
    }
}
