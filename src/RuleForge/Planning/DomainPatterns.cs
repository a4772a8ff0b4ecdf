namespace RuleForge.Planning;

/// <summary>Domain lists in the forms targets need. Domains are validated, so only dots need escaping.</summary>
public static class DomainPatterns
{
    /// <summary>A Perl regex body matching an address whose domain is one of the list, exactly.</summary>
    public static string AddressRegex(IEnumerable<string> domains) =>
        $@"/\@(?:{string.Join('|', domains.Select(d => d.Replace(".", @"\.", StringComparison.Ordinal)))})$/i";

    /// <summary>
    /// Each domain and its parents with two or more labels: the domains whose signature counts as
    /// aligned under DMARC's relaxed rule (Rspamd compares organisational domains).
    /// </summary>
    public static IReadOnlyList<string> WithParents(IEnumerable<string> domains) =>
        domains.SelectMany(d =>
        {
            var labels = d.Split('.');
            return Enumerable.Range(0, labels.Length - 1).Select(i => string.Join('.', labels[i..]));
        })
        .Distinct().Order(StringComparer.Ordinal).ToList();
}
