namespace RuleForge.Validation.Shapes;

/// <summary>A yes/no value: true, false, yes or no.</summary>
public sealed record BooleanShape : ValueShape
{
    /// <summary>The words the binder reads as true.</summary>
    public static readonly IReadOnlyList<string> TrueWords = ["true", "yes"];

    /// <summary>The words the binder reads as false.</summary>
    public static readonly IReadOnlyList<string> FalseWords = ["false", "no"];
}
