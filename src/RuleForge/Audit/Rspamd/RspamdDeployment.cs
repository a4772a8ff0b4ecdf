using RuleForge.Diagnostics;

namespace RuleForge.Audit.Rspamd;

/// <summary>
/// The site's Rspamd changes: every .conf and .inc file of local.d/ and override.d/ under the
/// audited folder (a file of override.d replaces the local.d file of the same name).
/// </summary>
public sealed class RspamdDeployment
{
    private static readonly string[] Parts = ["local.d", "override.d"];

    private RspamdDeployment(IReadOnlyList<RspamdFile> files) => Files = files;

    /// <summary>The files that Rspamd reads, one per module file name.</summary>
    public IReadOnlyList<RspamdFile> Files { get; }

    /// <summary>Reads a folder; null when it has neither local.d/ nor override.d/.</summary>
    public static RspamdDeployment? Load(string folder, DiagnosticBag findings)
    {
        var parts = Parts.Where(p => Directory.Exists(Path.Combine(folder, p))).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var byName = new SortedDictionary<string, RspamdFile>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var files = Directory.GetFiles(Path.Combine(folder, part))
                .Where(f => f.EndsWith(".conf", StringComparison.Ordinal)
                    || f.EndsWith(".inc", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                var display = Path.Join(folder, part, name);
                try
                {
                    byName[name] = new RspamdFile(name, display, UclParser.Parse(File.ReadAllText(file), display));
                }
                catch (UclParseException e)
                {
                    findings.Report(Messages.AuditUnparsable, e.Location, display, e.Message);
                }
            }
        }

        return new RspamdDeployment([.. byName.Values]);
    }

    /// <summary>The file of a module by name (such as "rbl.conf"), or null.</summary>
    public RspamdFile? this[string name] => Files.FirstOrDefault(f => f.Name == name);
}
