namespace RuleForge.Output;

/// <summary>One file that differs between a folder on disk and a fresh build.</summary>
/// <param name="Kind">"changed", "missing" (the build makes it, the folder lacks it) or "extra"
/// (the folder has it, the build does not).</param>
/// <param name="Diff">A unified diff from the folder's file to the fresh one.</param>
public sealed record TreeDifference(string Path, string Kind, string Diff);
