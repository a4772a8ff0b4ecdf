using RuleForge.Diagnostics;

namespace RuleForge.Resolution.Lock;

/// <summary>Reads a policy's lockfile with diagnostics, and replaces it atomically.</summary>
public static class LockfileStore
{
    /// <summary>True when the lockfile exists.</summary>
    public static bool Exists(LockfileLocation location) => File.Exists(location.FullPath);

    /// <summary>
    /// Reads the lockfile. Returns null, with an error reported, when it cannot be read, is not a
    /// lockfile, has another schema version or (unless <paramref name="allowHashMismatch"/>) does
    /// not match its content hash. A missing file returns null with nothing reported.
    /// </summary>
    public static Lockfile? Load(LockfileLocation location, DiagnosticBag diagnostics, bool allowHashMismatch = false)
    {
        var at = SourceLocation.OfFile(location.DisplayPath);
        string text;
        try
        {
            if (!File.Exists(location.FullPath))
            {
                return null;
            }

            text = File.ReadAllText(location.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(Messages.LockUnreadable, at, location.DisplayPath, e.Message,
                location.PolicyDisplayPath);
            return null;
        }

        try
        {
            var lockfile = LockfileJson.Read(text, out var hashMatches, out var schema);
            if (lockfile is null)
            {
                diagnostics.Report(Messages.LockSchema, at, location.DisplayPath, schema, Lockfile.SchemaVersion,
                    location.PolicyDisplayPath);
                return null;
            }

            if (!hashMatches && !allowHashMismatch)
            {
                diagnostics.Report(Messages.LockHashMismatch, at, location.DisplayPath, location.PolicyDisplayPath);
                return null;
            }

            return lockfile;
        }
        catch (Exception e) when (e is LockfileFormatException or FormatException or InvalidOperationException)
        {
            diagnostics.Report(Messages.LockUnreadable, at, location.DisplayPath, e.Message,
                location.PolicyDisplayPath);
            return null;
        }
    }

    /// <summary>
    /// Replaces the lockfile with <paramref name="text"/>: written to a temporary file in the same
    /// folder, flushed, then renamed over the old one, so a reader sees the old file or the new.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Write(LockfileLocation location, string text)
    {
        var folder = Path.GetDirectoryName(location.FullPath) ?? ".";
        var temp = Path.Combine(folder, $".{Path.GetFileName(location.FullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, location.FullPath, overwrite: true);
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            var at = SourceLocation.OfFile(location.DisplayPath);
            return [Messages.LockWrite.At(at, location.DisplayPath, e.Message)];
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Note: a leftover temporary file is harmless; the lockfile itself is unchanged.
        }
    }
}
