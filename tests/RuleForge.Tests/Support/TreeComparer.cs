using System.Text;
using RuleForge.Output;

namespace RuleForge.Tests.Support;

/// <summary>Compares two folders byte for byte and explains the differences as unified diffs.</summary>
public static class TreeComparer
{
    /// <summary>Every file under a folder, by relative path with '/', in ordinal order.</summary>
    public static IReadOnlyList<string> Files(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>
    /// Compares <paramref name="received"/> with <paramref name="approved"/>; a missing approved
    /// folder counts as empty, so every received file is then extra.
    /// </summary>
    public static TreeComparison Compare(string approved, string received)
    {
        var approvedFiles = Files(approved);
        var receivedFiles = Files(received);
        var missing = approvedFiles.Except(receivedFiles, StringComparer.Ordinal).ToList();
        var extra = receivedFiles.Except(approvedFiles, StringComparer.Ordinal).ToList();
        var changed = approvedFiles.Intersect(receivedFiles, StringComparer.Ordinal)
            .Where(f => !File.ReadAllBytes(Path.Combine(approved, f))
                .AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(received, f))))
            .ToList();
        var report = new StringBuilder();
        foreach (var file in missing)
        {
            report.Append($"missing (approved, not received): {file}\n");
        }

        foreach (var file in extra)
        {
            report.Append($"extra (received, not approved): {file}\n");
        }

        foreach (var file in changed)
        {
            report.Append(LineDiff.Unified(
                File.ReadAllText(Path.Combine(approved, file)),
                File.ReadAllText(Path.Combine(received, file)),
                "approved/" + file,
                "received/" + file));
        }

        return new TreeComparison(missing, extra, changed, report.ToString());
    }

    /// <summary>Replaces <paramref name="target"/> with a copy of <paramref name="source"/>.</summary>
    public static void CopyTree(string source, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        foreach (var file in Files(source))
        {
            var to = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(source, file), to);
        }

        Directory.CreateDirectory(target);
    }
}
