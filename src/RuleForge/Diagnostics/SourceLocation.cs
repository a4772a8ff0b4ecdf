namespace RuleForge.Diagnostics;

/// <summary>A 1-based position in a source file; line 0 means "the whole file".</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location that points at a file as a whole.</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    /// <inheritdoc />
    /// <remarks>The file name is the user's text and is printed with control characters escaped.</remarks>
    public override string ToString()
    {
        var file = MessageTemplate.Printable(File);
        return Line > 0 ? $"{file}:{Line}:{Column}" : file;
    }
}
