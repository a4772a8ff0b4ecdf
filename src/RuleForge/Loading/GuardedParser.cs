using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RuleForge.Loading;

/// <summary>
/// A YAML parser that reports YamlDotNet's own failures on malformed input as
/// <see cref="MalformedYamlException"/>: its scanner throws InvalidOperationException and the like
/// on some broken documents (an unclosed flow sequence followed by more keys), which are syntax
/// errors of the policy, not faults of RuleForge. Only exceptions from the parser itself are
/// translated, so a fault in RuleForge's own reading code still shows as one.
/// </summary>
internal sealed class GuardedParser(IParser inner) : IParser
{
    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        try
        {
            return inner.MoveNext();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            throw new MalformedYamlException(e);
        }
    }
}
