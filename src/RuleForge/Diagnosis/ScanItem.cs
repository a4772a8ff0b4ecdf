namespace RuleForge.Diagnosis;

/// <summary>
/// One log line, parsed on a worker thread, that the scanner's state needs: which fields are set
/// depends on <see cref="Kind"/> (see <see cref="ScanKind"/>). Short fields (addresses, queue ids,
/// times) stay bytes of the block, given by offset and length, and are decoded only when the state
/// uses them; lines that need no state (dropped lines, clean verdicts) become no item, only counts.
/// </summary>
internal struct ScanItem
{
    public ScanKind Kind;

    public LogStage Stage;

    /// <summary>The line number within its block, from 1.</summary>
    public int Line;

    public int Rank;

    public int TimeAt;

    public int TimeLength;

    public int KeyAt;

    public int KeyLength;

    public int ValueAt;

    public int ValueLength;

    public double Score;

    public double Required;

    /// <summary>What the worker parsed from a longer line (a reject, a verdict, a dnsblog answer).</summary>
    public object? Detail;
}
