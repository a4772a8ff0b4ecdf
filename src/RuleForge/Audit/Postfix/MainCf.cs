using RuleForge.Diagnostics;

namespace RuleForge.Audit.Postfix;

/// <summary>The parameters of a main.cf file (the last definition of a name wins, as in Postfix).</summary>
public sealed class MainCf
{
    private readonly Dictionary<string, PostfixParameter> _parameters = new(StringComparer.Ordinal);

    /// <summary>The file as findings name it.</summary>
    public string File { get; private init; } = "main.cf";

    /// <summary>Every parameter set in the file.</summary>
    public IReadOnlyDictionary<string, PostfixParameter> Parameters => _parameters;

    /// <summary>Parses main.cf text; lines that are not name = value are reported.</summary>
    public static MainCf Parse(string text, string file, DiagnosticBag findings)
    {
        var result = new MainCf { File = file };
        foreach (var line in ConfigLines.Read(text, file))
        {
            var eq = line.Text.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? "" : line.Text[..eq].Trim();
            if (eq < 0 || name.Length == 0 || name.Any(char.IsWhiteSpace))
            {
                findings.Report(Messages.AuditUnparsable, line.At(0), file,
                    $"'{Short(line.Text)}' is not 'name = value'");
                continue;
            }

            result.Set(new PostfixParameter(name, line.Slice(eq + 1, line.Text.Length - eq - 1).Trim(), line.At(0)));
        }

        return result;
    }

    /// <summary>Sets a parameter, as postconf -e would.</summary>
    public void Set(PostfixParameter parameter) => _parameters[parameter.Name] = parameter;

    internal static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
