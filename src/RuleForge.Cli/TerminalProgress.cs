using System.Text;

namespace RuleForge.Cli;

/// <summary>
/// Progress for a person at a terminal: one stderr line, rewritten in place with a carriage
/// return and cleared when the work is done, so diagnostics and results start on a clean line.
/// </summary>
public sealed class TerminalProgress : IProgress<string>, IDisposable
{
    private const int MaxColumns = 78;

    private readonly TextWriter _writer;
    private readonly Lock _lock = new();
    private int _shown;

    private TerminalProgress(TextWriter writer) => _writer = writer;

    /// <summary>
    /// Progress on <see cref="CliIo.Error"/> when it is a terminal and the command is not quiet;
    /// otherwise null (CI logs, pipes, tests and --quiet get none).
    /// </summary>
    public static TerminalProgress? For(CliIo io, bool quiet) =>
        io.ErrorIsTerminal && !quiet ? new TerminalProgress(io.Error) : null;

    /// <summary>Shows <paramref name="value"/> in place of the previous message.</summary>
    public void Report(string value)
    {
        var (text, columns) = Clean(value);
        lock (_lock)
        {
            _writer.Write('\r' + text + new string(' ', Math.Max(0, _shown - columns)));
            _writer.Flush();
            _shown = columns;
        }
    }

    /// <summary>Clears the progress line.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_shown > 0)
            {
                _writer.Write('\r' + new string(' ', _shown) + '\r');
                _writer.Flush();
                _shown = 0;
            }
        }
    }

    // One line of plain characters: names from DNS or files must not move the cursor or set
    // colours, and a long message is cut so the line never wraps (a wrapped line cannot be
    // rewritten with a carriage return).
    private static (string Text, int Columns) Clean(string value)
    {
        var sb = new StringBuilder(Math.Min(value.Length, MaxColumns));
        var columns = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            var width = Rune.IsControl(rune) ? 1 : TerminalWidth.Of(rune);
            if (columns + width > MaxColumns - 1)
            {
                sb.Append('…');
                columns++;
                break;
            }

            sb.Append(Rune.IsControl(rune) ? "?" : rune.ToString());
            columns += width;
        }

        return (sb.ToString(), columns);
    }
}
