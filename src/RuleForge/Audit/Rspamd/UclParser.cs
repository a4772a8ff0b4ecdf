using System.Text;
using RuleForge.Diagnostics;

namespace RuleForge.Audit.Rspamd;

/// <summary>
/// A small UCL reader for Rspamd's configuration files: objects in braces, "key = value",
/// "key: value" and "key value", nested keys ("group \"x\" { }"), arrays, quoted strings,
/// heredocs, and #, // and /* */ comments. Macros such as .include are skipped.
/// </summary>
public sealed class UclParser
{
    private readonly string _text;
    private readonly string _file;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    private UclParser(string text, string file)
    {
        _text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        _file = file;
    }

    /// <summary>Parses a file's text as the body of an object; throws <see cref="UclParseException"/>.</summary>
    public static UclObject Parse(string text, string file)
    {
        var parser = new UclParser(text, file);
        var body = parser.Body('\0');
        return body;
    }

    private SourceLocation Here => new(_file, _line, _column);

    private UclObject Body(char close)
    {
        var start = Here;
        var entries = new List<UclEntry>();
        while (true)
        {
            SkipSpace();
            if (_pos >= _text.Length)
            {
                if (close != '\0')
                {
                    throw new UclParseException($"missing '{close}'", Here);
                }

                return new UclObject(entries, start);
            }

            var c = _text[_pos];
            if (c == close)
            {
                Advance();
                return new UclObject(entries, start);
            }

            if (c is ';' or ',')
            {
                Advance();
                continue;
            }

            if (c == '.')
            {
                SkipLine();
                continue;
            }

            entries.Add(Entry());
        }
    }

    private UclEntry Entry()
    {
        var at = Here;
        var key = Atom() ?? throw new UclParseException($"expected a key, found '{_text[_pos]}'", Here);
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] is '=' or ':')
        {
            Advance();
            SkipSpace();
        }

        return new UclEntry(key, Value(), at);
    }

    private UclNode Value()
    {
        var at = Here;
        if (_pos >= _text.Length)
        {
            throw new UclParseException("expected a value", at);
        }

        switch (_text[_pos])
        {
            case '{':
                Advance();
                return Body('}');
            case '[':
                Advance();
                return Array(at);
        }

        var text = Atom() ?? throw new UclParseException($"unexpected '{_text[_pos]}'", at);
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
        {
            Advance();
        }

        // Note: "key name { ... }" is UCL shorthand for "key { name { ... } }".
        if (_pos < _text.Length && (_text[_pos] == '{' || (StartsAtom() && !EndsValue())))
        {
            var inner = Value();
            return new UclObject([new UclEntry(text, inner, at)], at);
        }

        return new UclScalar(text, at);
    }

    private bool EndsValue() => _pos >= _text.Length || _text[_pos] is ';' or ',' or '}' or ']' or '\n' or '#';

    private bool StartsAtom() => _pos < _text.Length && !(_text[_pos] is ';' or ',' or '}' or ']' or '=' or ':' or '[');

    private UclArray Array(SourceLocation at)
    {
        var items = new List<UclNode>();
        while (true)
        {
            SkipSpace();
            if (_pos >= _text.Length)
            {
                throw new UclParseException("missing ']'", Here);
            }

            if (_text[_pos] == ']')
            {
                Advance();
                return new UclArray(items, at);
            }

            if (_text[_pos] is ',' or ';')
            {
                Advance();
                continue;
            }

            items.Add(Value());
        }
    }

    private string? Atom()
    {
        if (_pos >= _text.Length)
        {
            return null;
        }

        var c = _text[_pos];
        if (c is '"' or '\'')
        {
            return Quoted(c);
        }

        if (c == '<' && _pos + 1 < _text.Length && _text[_pos + 1] == '<')
        {
            return Heredoc();
        }

        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            c = _text[_pos];
            if (c == '$' && _pos + 1 < _text.Length && _text[_pos + 1] == '{')
            {
                while (_pos < _text.Length && _text[_pos] != '}')
                {
                    sb.Append(_text[_pos]);
                    Advance();
                }
            }
            else if (char.IsWhiteSpace(c) || c is '{' or '}' or '[' or ']' or '=' or ';' or ',' or '"' or '#'
                || (c == ':' && sb.Length > 0 && !NextIsPathLike()))
            {
                break;
            }

            if (_pos < _text.Length)
            {
                sb.Append(_text[_pos]);
                Advance();
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    // Note: "http://..." and "redis://" in unquoted values keep their colon.
    private bool NextIsPathLike() => _pos + 1 < _text.Length && _text[_pos + 1] == '/';

    private string Quoted(char quote)
    {
        var at = Here;
        Advance();
        var sb = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                Advance();
                sb.Append(_text[_pos] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                sb.Append(_text[_pos]);
            }

            Advance();
        }

        if (_pos >= _text.Length)
        {
            throw new UclParseException("unterminated string", at);
        }

        Advance();
        return sb.ToString();
    }

    private string Heredoc()
    {
        var at = Here;
        var end = _text.IndexOf('\n', _pos);
        if (end < 0)
        {
            throw new UclParseException("heredoc without a body", at);
        }

        var tag = _text[(_pos + 2)..end].Trim();
        var close = _text.IndexOf("\n" + tag, end, StringComparison.Ordinal);
        if (tag.Length == 0 || close < 0)
        {
            throw new UclParseException($"heredoc '{tag}' is not closed", at);
        }

        var body = _text[(end + 1)..close];
        while (_pos < close + 1 + tag.Length)
        {
            Advance();
        }

        return body;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                Advance();
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                SkipLine();
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var at = Here;
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new UclParseException("unterminated comment", at);
                }

                while (_pos < end + 2)
                {
                    Advance();
                }
            }
            else
            {
                return;
            }
        }
    }

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private void SkipLine()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            Advance();
        }
    }

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _pos++;
    }
}
