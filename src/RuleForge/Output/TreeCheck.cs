using RuleForge.Rendering;

namespace RuleForge.Output;

/// <summary>
/// Compares a fresh build, in memory, with what a folder holds: the gate a CI job runs to catch
/// committed output that is stale. Nothing is written.
/// </summary>
public static class TreeCheck
{
    /// <summary>Every difference, in path order; empty when the folder is exactly up to date.</summary>
    public static IReadOnlyList<TreeDifference> Compare(string folder, IReadOnlyList<RenderedFile> fresh)
    {
        var onDisk = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .ToHashSet(StringComparer.Ordinal)
            : [];
        var differences = new List<TreeDifference>();
        foreach (var file in fresh)
        {
            var path = System.IO.Path.Combine(folder, file.Path);
            if (!onDisk.Remove(file.Path))
            {
                var created = LineDiff.Unified("", file.Content, "/dev/null", "b/" + file.Path);
                differences.Add(new(file.Path, "missing", created));
                continue;
            }

            var old = File.ReadAllText(path);
            if (old != file.Content)
            {
                var changed = LineDiff.Unified(old, file.Content, "a/" + file.Path, "b/" + file.Path);
                differences.Add(new(file.Path, "changed", changed));
            }
        }

        foreach (var extra in onDisk)
        {
            var old = File.ReadAllText(System.IO.Path.Combine(folder, extra));
            var diff = old.Length == 0
                ? $"--- a/{extra}\n+++ /dev/null\n(an empty file the build does not make)\n"
                : LineDiff.Unified(old, "", "a/" + extra, "/dev/null");
            differences.Add(new(extra, "extra", diff));
        }

        differences.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return differences;
    }
}
