using RuleForge.Diagnostics;

namespace RuleForge.Validation;

/// <summary>Keeps the first item of each id and reports the later ones (senders, blocklists).</summary>
internal static class UniqueIds
{
    /// <summary>The bound items without nulls and without repeated ids, in file order.</summary>
    public static List<T> Keep<T>(
        IEnumerable<T?> items, Func<T, string> id, Func<T, SourceLocation> location, string kind,
        DiagnosticBag diagnostics)
        where T : class
    {
        var result = new List<T>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items.OfType<T>())
        {
            if (seen.TryGetValue(id(item), out var line))
            {
                diagnostics.Report(Messages.DuplicateId, location(item), id(item), line, kind);
                continue;
            }

            seen[id(item)] = location(item).Line;
            result.Add(item);
        }

        return result;
    }
}
