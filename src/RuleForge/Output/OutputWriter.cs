using System.Runtime.InteropServices;
using RuleForge.Diagnostics;
using RuleForge.Rendering;

namespace RuleForge.Output;

/// <summary>
/// Writes a build into a folder whole or not at all. Files go to a hidden sibling folder first;
/// then the two folders are swapped in one rename (renameat2 RENAME_EXCHANGE on Linux), so a
/// reader or a crash sees either the old tree or the new one, never a mix.
/// </summary>
public static partial class OutputWriter
{
    /// <summary>A file every RuleForge output folder holds; a folder without it is never replaced.</summary>
    public const string Marker = "proof.json";

    private const string TempInfix = ".ruleforge-";

    /// <summary>Writes the files; returns diagnostics (empty on success).</summary>
    public static IReadOnlyList<Diagnostic> Write(string outDir, IReadOnlyList<RenderedFile> files)
    {
        var target = Path.GetFullPath(outDir).TrimEnd('/');
        var parent = Path.GetDirectoryName(target);
        var name = Path.GetFileName(target);
        var at = SourceLocation.OfFile(outDir);
        if (parent is null || name.Length == 0)
        {
            return [Messages.OutputWrite.At(at, outDir, "it names no folder")];
        }

        try
        {
            // Note: like mkdir -p, so that 'build --out out/efax' works in a fresh clone.
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Messages.OutputWrite.At(at, outDir, $"its parent folder cannot be created: {e.Message}")];
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, Marker)))
        {
            return [Messages.OutputWrite.At(at, outDir,
                $"the folder exists, is not empty and holds no {Marker}, so it is not RuleForge output; " +
                "choose a new folder")];
        }

        RemoveLeftovers(parent, name);
        var staging = Path.Combine(parent, $".{name}{TempInfix}{Guid.NewGuid():N}");
        try
        {
            WriteTree(staging, files);
            if (Directory.Exists(target))
            {
                Exchange(staging, target);
                Directory.Delete(staging, recursive: true);
            }
            else
            {
                Directory.Move(staging, target);
            }

            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            return [Messages.OutputWrite.At(at, outDir, e.Message)];
        }
    }

    private static void WriteTree(string root, IReadOnlyList<RenderedFile> files)
    {
        Directory.CreateDirectory(root);
        var syncAll = OperatingSystem.IsLinux();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var bytes = System.Text.Encoding.UTF8.GetBytes(file.Content);
            stream.Write(bytes);
            if (!syncAll)
            {
                stream.Flush(flushToDisk: true);
            }
        }

        if (syncAll && files.Count > 0)
        {
            SyncFileSystem(Path.Combine(root, files[0].Path));
        }
    }

    // Note: one syncfs for the whole staged tree instead of an fsync per file. A policy with
    // tens of thousands of senders writes three files per sender, and an fsync each made the
    // disk, not the compiler, the slowest part of the build. syncfs also makes the new folders'
    // entries durable, which per-file fsync did not; the swap happens only after it returns.
    private static void SyncFileSystem(string anyFile)
    {
        using var handle = File.OpenHandle(anyFile, FileMode.Open, FileAccess.Read);
        if (SyncFs(handle) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new IOException(
                $"the written files could not be flushed to disk ({Marshal.GetPInvokeErrorMessage(error)})");
        }
    }

    private static void Exchange(string a, string b)
    {
        const uint RenameExchange = 2;
        const int AtFdCwd = -100;
        if (OperatingSystem.IsLinux() && RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0)
        {
            return;
        }

        // Limitation: without renameat2 (not Linux, or an old kernel or file system) the swap
        // is two renames, and a crash between them leaves the old tree under a hidden name.
        var old = b + TempInfix + "old";
        Directory.Move(b, old);
        try
        {
            Directory.Move(a, b);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Note: the new tree could not take the old one's place, so the old tree goes back
            // rather than leaving the output folder missing.
            Directory.Move(old, b);
            throw;
        }

        Directory.Move(old, a);
    }

    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}{TempInfix}*"))
        {
            TryDelete(dir);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Note: a leftover staging folder is harmless and removed by the next build.
        }
    }

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(Microsoft.Win32.SafeHandles.SafeFileHandle fd);

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
