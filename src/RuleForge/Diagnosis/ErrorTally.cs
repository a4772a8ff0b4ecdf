using RuleForge.Diagnostics;

namespace RuleForge.Diagnosis;

/// <summary>The running count behind an <see cref="ErrorAnswerGroup"/>.</summary>
internal sealed class ErrorTally(string firstSeen, SourceLocation firstLocation)
{
    public long Count { get; set; }

    public long Blocked { get; set; }

    public string FirstSeen { get; } = firstSeen;

    public SourceLocation FirstLocation { get; } = firstLocation;

    public string LastSeen { get; set; } = firstSeen;
}
