using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RuleForge.Model;
using RuleForge.Rendering;

namespace RuleForge.Output;

/// <summary>
/// manifest.json: the sha256 of every generated file and of the inputs (policy, lockfile, feeds), so a
/// deployment can tell what it is installing and from what. Paths are relative; no timestamps.
/// </summary>
public static class Manifest
{
    /// <summary>The manifest's file name in a built tree.</summary>
    public const string FileName = "manifest.json";

    /// <summary>
    /// The manifest for the files built from <paramref name="policy"/>, read from
    /// <paramref name="policyPath"/>.
    /// </summary>
    public static RenderedFile Write(Policy policy, string policyPath, IReadOnlyList<RenderedFile> files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("generator", "RuleForge");
            w.WriteString("policy", policy.Name);
            w.WriteStartObject("inputs");
            w.WriteString(policy.SourceFile, HashFile(policyPath));
            var lockfile = Resolution.Lock.LockfileLocation.For(policyPath, policy.SourceFile);
            if (File.Exists(lockfile.FullPath))
            {
                w.WriteString(lockfile.DisplayPath, HashFile(lockfile.FullPath));
            }

            var pins = policy.Feeds.Any(f => f.Url is not null) ? Pins(lockfile) : null;
            foreach (var feed in policy.Feeds.OrderBy(f => f.Id, StringComparer.Ordinal))
            {
                // Note: a URL feed is never downloaded by build; its content is the one pinned.
                var hash = feed.Url is null
                    ? HashFile(feed.FullPath)
                    : pins?.GetValueOrDefault(feed.Id)?.ContentHash ?? "not pinned";
                w.WriteString($"feed {feed.Id}: {feed.File}", hash);
            }

            w.WriteEndObject();
            w.WriteStartObject("files");
            var listed = files.Where(f => f.Path != FileName).OrderBy(f => f.Path, StringComparer.Ordinal);
            foreach (var file in listed)
            {
                w.WriteString(file.Path, Hash(Encoding.UTF8.GetBytes(file.Content)));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return new RenderedFile(FileName, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    private static IReadOnlyDictionary<string, Resolution.Lock.LockedFeed>? Pins(
        Resolution.Lock.LockfileLocation location) =>
        Resolution.Lock.LockfileStore.Load(location, new Diagnostics.DiagnosticBag())?.Feeds;

    // Note: hashed as a stream, so that a feed of hundreds of megabytes is not read into memory
    // a second time only to be hashed.
    private static string HashFile(string path)
    {
        if (!File.Exists(path))
        {
            return "missing";
        }

        using var stream = File.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Hash(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
