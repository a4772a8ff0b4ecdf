namespace RuleForge.Diagnosis;

/// <summary>Receives the lines <see cref="LogLineReader"/> splits out of a stream.</summary>
public interface ILogLineSink
{
    /// <summary>One line without its line end; the span is valid only during the call.</summary>
    void OnLine(ReadOnlySpan<byte> line);

    /// <summary>A line longer than <see cref="LogLineReader.MaxLineLength"/>; it is skipped.</summary>
    void OnOverlong();
}
