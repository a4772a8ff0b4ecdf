namespace RuleForge.Diagnostics;

/// <summary>A 1-based position in a source file; line 0 means "the whole file".</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location that points at a file as a whole.</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
