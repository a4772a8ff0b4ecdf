using System.Text;
using RuleForge.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RuleForge.Loading;

/// <summary>
/// Reads YAML into a <see cref="SyntaxNode"/> tree that keeps the line and column of every
/// value. Refuses what a reviewed policy never needs and an attacker would use: aliases
/// (exponential expansion), very deep nesting, huge files, bytes that are not UTF-8.
/// </summary>
public static class YamlLoader
{
    /// <summary>Largest file accepted, in bytes.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>Loads a file; the display path is used in every diagnostic.</summary>
    public static LoadResult LoadFile(string path, string displayPath)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxBytes)
            {
                return Fail(Messages.TooLarge.At(SourceLocation.OfFile(displayPath), info.Length, MaxBytes));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(Messages.FileUnreadable.At(SourceLocation.OfFile(displayPath), displayPath, e.Message));
        }

        return LoadBytes(bytes, displayPath);
    }

    /// <summary>Loads YAML from bytes (UTF-8, an optional BOM is skipped).</summary>
    public static LoadResult LoadBytes(byte[] bytes, string displayPath)
    {
        if (bytes.Length > MaxBytes)
        {
            return Fail(Messages.TooLarge.At(SourceLocation.OfFile(displayPath), bytes.Length, MaxBytes));
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return Fail(Messages.NotUtf8.At(SourceLocation.OfFile(displayPath), e.Index));
        }

        text = text.StartsWith('\uFEFF') ? text[1..] : text;
        if (ForbiddenCharacter(text) is { } at)
        {
            var (line, column) = Position(text, at);
            return Fail(Messages.ControlCharacter.At(new SourceLocation(displayPath, line, column),
                ((int)text[at]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return LoadText(text, displayPath);
    }

    // Note: YAML allows only printable characters; YamlDotNet lets C0 controls through in
    // scalars, and YAML 1.1 tools read NEL and U+2028/U+2029 as line breaks while 1.2 tools do
    // not, so one file could mean two things.
    private static int? ForbiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF')
            {
                return i;
            }
        }

        return null;
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>Loads YAML from text.</summary>
    public static LoadResult LoadText(string text, string displayPath)
    {
        var reader = new EventReader(new GuardedParser(new Parser(new StringReader(text))), displayPath);
        try
        {
            var root = reader.ReadStream();
            return new LoadResult(reader.Diagnostics.HasErrors ? null : root, reader.Diagnostics.Items);
        }
        catch (DepthExceeded)
        {
            return new LoadResult(null, reader.Diagnostics.Items);
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(displayPath, (int)e.Start.Line, (int)e.Start.Column);
            reader.Diagnostics.Add(Messages.YamlSyntax.At(at, Describe(e)));
            return new LoadResult(null, reader.Diagnostics.Items);
        }
        catch (MalformedYamlException)
        {
            // Note: YamlDotNet's scanner throws InvalidOperationException on some malformed
            // input (an unclosed flow sequence followed by more keys); it is still a syntax error.
            // (This was told by the exception's Source, which a native build does not keep.)
            var at = reader.LastPosition;
            const string What = "the document is malformed after this point (an unclosed '[' or '{'?)";
            reader.Diagnostics.Add(Messages.YamlSyntax.At(at, What));
            return new LoadResult(null, reader.Diagnostics.Items);
        }
    }

    private static LoadResult Fail(Diagnostic diagnostic) => new(null, [diagnostic]);

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes its messages with the position; the diagnostic already has it.
        var message = e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message;
    }

    private sealed class EventReader(IParser parser, string file)
    {
        public DiagnosticBag Diagnostics { get; } = new();

        /// <summary>Where the last event the parser delivered started.</summary>
        public SourceLocation LastPosition { get; private set; } = new(file, 1, 1);

        public SyntaxNode? ReadStream()
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                Diagnostics.Add(Messages.EmptyDocument.At(SourceLocation.OfFile(file)));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var extra))
            {
                Diagnostics.Add(Messages.MultipleDocuments.At(At(extra.Start)));
            }

            if (root is ScalarSyntax { IsNull: true })
            {
                Diagnostics.Add(Messages.EmptyDocument.At(SourceLocation.OfFile(file)));
                return null;
            }

            return root;
        }

        private SyntaxNode ReadNode(int depth)
        {
            var start = parser.Current!.Start;
            LastPosition = At(start);
            if (depth > MaxDepth)
            {
                Diagnostics.Add(Messages.TooDeep.At(At(start), MaxDepth));
                throw new DepthExceeded();
            }

            switch (parser.Current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    Diagnostics.Add(Messages.AliasRefused.At(At(start), "*" + alias.Value));
                    return new ScalarSyntax("", false, At(start));
                case Scalar scalar:
                    parser.MoveNext();
                    ReportAnchor(scalar.Anchor, start);
                    ReportTag(scalar.Tag, start);
                    return new ScalarSyntax(scalar.Value, scalar.Style is not ScalarStyle.Plain, At(start));
                case SequenceStart seq:
                    parser.MoveNext();
                    ReportAnchor(seq.Anchor, start);
                    ReportTag(seq.Tag, start);
                    return ReadSequence(depth, start);
                case MappingStart map:
                    parser.MoveNext();
                    ReportAnchor(map.Anchor, start);
                    ReportTag(map.Tag, start);
                    return ReadMapping(depth, start);
                default:
                    throw new YamlException(start, start, "unexpected YAML event");
            }
        }

        private SequenceSyntax ReadSequence(int depth, Mark start)
        {
            var items = new List<SyntaxNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(depth + 1));
            }

            return new SequenceSyntax(items, At(start));
        }

        private MappingSyntax ReadMapping(int depth, Mark start)
        {
            var entries = new List<EntrySyntax>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(depth + 1);
                var value = ReadNode(depth + 1);
                if (keyNode is not ScalarSyntax key)
                {
                    Diagnostics.Add(Messages.WrongType.At(keyNode.Location, "a key", "a scalar", keyNode.KindName));
                    continue;
                }

                if (seen.TryGetValue(key.Value, out var firstLine))
                {
                    Diagnostics.Add(Messages.DuplicateKey.At(key.Location, key.Value, firstLine));
                    continue;
                }

                seen[key.Value] = key.Location.Line;
                entries.Add(new EntrySyntax(key, value));
            }

            return new MappingSyntax(entries, At(start));
        }

        private void ReportTag(TagName tag, Mark start)
        {
            if (!tag.IsEmpty && !tag.IsNonSpecific)
            {
                Diagnostics.Add(Messages.TagRefused.At(At(start), tag.Value));
            }
        }

        private void ReportAnchor(AnchorName anchor, Mark start)
        {
            if (!anchor.IsEmpty)
            {
                Diagnostics.Add(Messages.AliasRefused.At(At(start), "&" + anchor.Value));
            }
        }

        private SourceLocation At(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
    }

    private sealed class DepthExceeded : YamlException
    {
        public DepthExceeded()
            : base("nesting too deep")
        {
        }
    }
}
