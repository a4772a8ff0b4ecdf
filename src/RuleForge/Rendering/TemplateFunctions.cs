namespace RuleForge.Rendering;

/// <summary>Functions templates may call; Scriban names them in snake_case.</summary>
public static class TemplateFunctions
{
    /// <summary>See <see cref="TextEscaping.Comment"/>.</summary>
    public static string Comment(string? text) => TextEscaping.Comment(text);

    /// <summary>See <see cref="TextEscaping.UclString"/>.</summary>
    public static string UclString(string? text) => TextEscaping.UclString(text);

    /// <summary>See <see cref="TextEscaping.Number"/>.</summary>
    public static string Num(double value) => TextEscaping.Number(value);

    /// <summary>Pads a string on the right to a width, for aligned tables.</summary>
    public static string Pad(string? text, int width) => (text ?? "").PadRight(width);
}
