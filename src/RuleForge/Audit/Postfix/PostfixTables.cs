using RuleForge.Diagnostics;
using RuleForge.Net;

namespace RuleForge.Audit.Postfix;

/// <summary>
/// Reads the lookup tables restrictions name (cidr, and the text source of hash, lmdb, btree
/// and texthash tables). A path under config_directory is read from the audited folder, so a
/// copy of /etc/postfix can be audited anywhere. Tables that cannot be read are reported once.
/// </summary>
public sealed class PostfixTables(string folder, string configDirectory, DiagnosticBag findings)
{
    private static readonly HashSet<string> TextTypes = new(StringComparer.Ordinal)
    {
        "cidr", "hash", "lmdb", "btree", "texthash", "dbm", "cdb",
    };

    private readonly Dictionary<string, IReadOnlyList<PostfixTableEntry>?> _cache = new(StringComparer.Ordinal);

    /// <summary>The file a table reference reads ("cidr:/etc/postfix/x.cidr"), or null for other kinds.</summary>
    public string? FileOf(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !TextTypes.Contains(reference[..colon]))
        {
            return null;
        }

        var path = reference[(colon + 1)..];
        var prefix = configDirectory.TrimEnd('/') + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal)
            ? Path.Combine(folder, path[prefix.Length..])
            : Path.IsPathRooted(path) ? path : Path.Combine(folder, path);
    }

    /// <summary>The table's entries, or null when it is not a file table or cannot be read (reported).</summary>
    public IReadOnlyList<PostfixTableEntry>? Read(string reference, SourceLocation usedAt)
    {
        if (_cache.TryGetValue(reference, out var cached))
        {
            return cached;
        }

        var file = FileOf(reference);
        IReadOnlyList<PostfixTableEntry>? entries = null;
        if (file is not null)
        {
            try
            {
                var cidr = reference.StartsWith("cidr:", StringComparison.Ordinal);
                entries = Parse(File.ReadAllText(file), Display(file), cidr);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                findings.Report(Messages.AuditTableUnreadable, usedAt, reference, e.Message);
            }
        }

        _cache[reference] = entries;
        return entries;
    }

    private string Display(string file)
    {
        var relative = Path.GetRelativePath(folder, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : Path.Join(folder, relative);
    }

    private static List<PostfixTableEntry> Parse(string text, string file, bool cidr)
    {
        var entries = new List<PostfixTableEntry>();
        foreach (var line in ConfigLines.Read(text, file))
        {
            var words = MasterCf.Words(line);
            if (words.Count < 2 || words[0].Text is "if" or "endif")
            {
                continue;
            }

            var key = words[0].Text;
            var value = line.Text[(line.Text.IndexOf(words[1].Text, key.Length, StringComparison.Ordinal))..].Trim();
            entries.Add(new PostfixTableEntry(key, KeyNetwork(key, cidr), value, line.At(0)));
        }

        return entries;
    }

    // Note: in hash-style access tables an address key may be cut at an octet: "192.0.2" is 192.0.2.0/24.
    private static IpNetwork? KeyNetwork(string key, bool cidr)
    {
        if (IpNetwork.TryParse(key.Trim('[', ']'), out var network, out _))
        {
            return network;
        }

        if (cidr)
        {
            return null;
        }

        var octets = key.Split('.');
        if (octets.Length is < 1 or > 3 || !octets.All(o => byte.TryParse(o, out _)))
        {
            return null;
        }

        var padded = string.Join('.', octets.Concat(Enumerable.Repeat("0", 4 - octets.Length)));
        return IpNetwork.TryParse($"{padded}/{octets.Length * 8}", out var partial, out _) ? partial : null;
    }
}
