namespace RuleForge.Tests.Support;

/// <summary>How a received tree differs from an approved one; relative paths use '/'.</summary>
public sealed record TreeComparison(
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Extra,
    IReadOnlyList<string> Changed,
    string Report)
{
    /// <summary>True when both trees hold the same files with the same bytes.</summary>
    public bool IsMatch => Missing.Count == 0 && Extra.Count == 0 && Changed.Count == 0;
}
