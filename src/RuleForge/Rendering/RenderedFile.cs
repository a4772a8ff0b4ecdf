namespace RuleForge.Rendering;

/// <summary>One generated file: path relative to the output folder (with '/') and its text.</summary>
public sealed record RenderedFile(string Path, string Content);
