namespace RuleForge.Diagnosis;

/// <summary>
/// What one <see cref="LogBlock"/> gave when parsed: its counts and, in line order, the items the
/// scanner's state needs. Blocks are applied to the state in the order they were read, then
/// cleared and reused: the item list of a full block is large, and allocating it anew for each
/// block would churn the large-object heap.
/// </summary>
internal sealed class ScanBlock
{
    public long Lines;

    public long Events;

    public long Skipped;

    // Note: a block of about a megabyte holds up to some ten thousand items; sized once, reused.
    public List<ScanItem> Items { get; } = new(16_384);

    /// <summary>The block the items' offsets point into; its buffer stays out of the pool until applied.</summary>
    public LogBlock? Source { get; set; }

    /// <summary>Empties the block for the next one, keeping the list's capacity.</summary>
    public void Clear()
    {
        Lines = Events = Skipped = 0;
        Items.Clear();
        Source = null;
    }
}
