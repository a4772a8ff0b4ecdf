using System.Globalization;
using RuleForge.Diagnostics;
using RuleForge.Loading;

namespace RuleForge.Validation;

/// <summary>Typed reads of scalars and lists, each reporting a positioned diagnostic on failure.</summary>
internal sealed class ValueReader(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>A non-empty scalar string, or null (reported).</summary>
    public ScalarSyntax? Scalar(SyntaxNode node, string what)
    {
        if (node is ScalarSyntax { IsNull: false } scalar)
        {
            return scalar;
        }

        diagnostics.Report(Messages.WrongType, node.Location, what, "a scalar value", node.KindName);
        return null;
    }

    /// <summary>A string value, or null (reported).</summary>
    public string? Text(SyntaxNode node, string what) => Scalar(node, what)?.Value;

    /// <summary>A finite number, or null (reported).</summary>
    public double? Number(SyntaxNode node, string what)
    {
        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && !scalar.IsQuoted)
        {
            return value;
        }

        diagnostics.Report(Messages.InvalidNumber, scalar.Location, scalar.Value);
        return null;
    }

    /// <summary>A number greater than zero, or null (reported).</summary>
    public double? Positive(SyntaxNode node, string what)
    {
        var value = Number(node, what);
        if (value is <= 0)
        {
            diagnostics.Report(Messages.ScoreSign, node.Location, what, value.Value);
            return null;
        }

        return value;
    }

    /// <summary>A boolean (true/false), or null (reported).</summary>
    public bool? Boolean(SyntaxNode node, string what)
    {
        var scalar = Scalar(node, what);
        return scalar?.Value switch
        {
            null => null,
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => Choice<bool?>(scalar, what, ("true", true), ("false", false)),
        };
    }

    /// <summary>One of a fixed set of words, or default (reported with a "did you mean").</summary>
    public T? Choice<T>(SyntaxNode node, string what, params (string Word, T Value)[] choices)
    {
        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return default;
        }

        foreach (var (word, value) in choices)
        {
            if (scalar.Value == word)
            {
                return value;
            }
        }

        var words = choices.Select(c => c.Word).ToList();
        var hint = NameSuggester.Hint(scalar.Value, words);
        diagnostics.Report(Messages.InvalidChoice, scalar.Location, scalar.Value, what, hint);
        return default;
    }

    /// <summary>The items of a list; a single scalar counts as a one-item list.</summary>
    public IReadOnlyList<SyntaxNode> List(SyntaxNode node, string what, bool allowScalar = true)
    {
        switch (node)
        {
            case SequenceSyntax seq:
                return seq.Items;
            case ScalarSyntax { IsNull: false } scalar when allowScalar:
                return [scalar];
            default:
                diagnostics.Report(Messages.WrongType, node.Location, what, "a list", node.KindName);
                return [];
        }
    }

    /// <summary>A positive whole number, or null (reported).</summary>
    public int? Integer(SyntaxNode node, string what, int min, int max)
    {
        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (!scalar.IsQuoted
            && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            && v >= min && v <= max)
        {
            return v;
        }

        diagnostics.Report(
            Messages.InvalidChoice, scalar.Location, scalar.Value, what, $"Write a whole number from {min} to {max}.");
        return null;
    }
}
