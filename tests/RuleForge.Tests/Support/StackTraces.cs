using System.Text.RegularExpressions;

namespace RuleForge.Tests.Support;

/// <summary>
/// Tells whether a program's output holds a .NET stack trace: a line that is only a frame,
/// "   at Namespace.Type.Method(...)". Looking for "   at " anywhere also matched user values that
/// diagnostics quote (a fuzzed policy value "aligned     at SMTP t" failed a run that was right).
/// </summary>
public static partial class StackTraces
{
    /// <summary>True when some line of <paramref name="output"/> is a stack frame.</summary>
    public static bool In(string output) => Frame().IsMatch(output);

    [GeneratedRegex(@"^\s+at [\w.`<>|$\[\],+]+\(", RegexOptions.Multiline)]
    private static partial Regex Frame();
}
