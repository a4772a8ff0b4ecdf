using System.Text;
using RuleForge.Diagnostics;

namespace RuleForge.Audit;

/// <summary>
/// Configuration text that remembers, for every character, the file, line and column it came
/// from, so a value joined from continuation lines or expanded from other parameters still
/// points each finding at the place the admin wrote it.
/// </summary>
public sealed class PositionedText
{
    private readonly SourceLocation[] _at;

    private PositionedText(string text, SourceLocation[] at)
    {
        Text = text;
        _at = at;
    }

    /// <summary>The text without positions.</summary>
    public string Text { get; }

    /// <summary>An empty text.</summary>
    public static PositionedText Empty { get; } = new("", []);

    /// <summary>A text read from one line, starting at a 1-based column.</summary>
    public static PositionedText FromLine(string text, string file, int line, int column) =>
        new(text, Enumerable.Range(0, text.Length).Select(i => new SourceLocation(file, line, column + i)).ToArray());

    /// <summary>Where the character at <paramref name="index"/> was written.</summary>
    public SourceLocation At(int index) =>
        _at.Length == 0 ? SourceLocation.OfFile("") : _at[Math.Clamp(index, 0, _at.Length - 1)];

    /// <summary>A part of the text, with its positions.</summary>
    public PositionedText Slice(int start, int length) =>
        new(Text.Substring(start, length), _at[start..(start + length)]);

    /// <summary>The text without leading and trailing whitespace.</summary>
    public PositionedText Trim()
    {
        var start = 0;
        var end = Text.Length;
        while (start < end && char.IsWhiteSpace(Text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(Text[end - 1]))
        {
            end--;
        }

        return Slice(start, end - start);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Builds a text piece by piece.</summary>
    public sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly List<SourceLocation> _at = [];

        /// <summary>Appends a positioned text.</summary>
        public Builder Append(PositionedText text)
        {
            _text.Append(text.Text);
            _at.AddRange(text._at);
            return this;
        }

        /// <summary>Appends a character that was written at <paramref name="at"/>.</summary>
        public Builder Append(char c, SourceLocation at)
        {
            _text.Append(c);
            _at.Add(at);
            return this;
        }

        /// <summary>The text built so far.</summary>
        public PositionedText Build() => new(_text.ToString(), [.. _at]);
    }
}
