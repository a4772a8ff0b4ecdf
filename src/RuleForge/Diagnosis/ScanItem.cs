namespace RuleForge.Diagnosis;

/// <summary>
/// One log line, parsed on a worker thread, that the scanner's state needs: which fields are set
/// depends on <see cref="Kind"/> (see <see cref="ScanKind"/>). Keys and values of the state
/// (addresses, queue ids, pids) are <see cref="LogKey"/>s, mostly held inline; the time stays bytes
/// of the block, given by offset and length, decoded only when reported; lines that need no state
/// (dropped lines, clean verdicts) become no item, only counts.
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

    public LogKey Key;

    public LogKey Value;

    public double Score;

    public double Required;

    /// <summary>What the worker parsed from a longer line (a reject, a verdict, a dnsblog answer).</summary>
    public object? Detail;
}
