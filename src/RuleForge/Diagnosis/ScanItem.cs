namespace RuleForge.Diagnosis;

/// <summary>
/// One log line, parsed on a worker thread, that the scanner's state needs: which fields are set
/// depends on <see cref="Kind"/> (see <see cref="ScanKind"/>). Lines that need no state (dropped
/// lines, clean verdicts) become no item, only counts.
/// </summary>
internal struct ScanItem
{
    public ScanKind Kind;

    public LogStage Stage;

    /// <summary>The line number within its block, from 1.</summary>
    public int Line;

    public int Rank;

    public string? Time;

    public string? Key;

    public string? Value;

    public string? Other;

    public double Score;

    public double Required;

    public object? Detail;
}
