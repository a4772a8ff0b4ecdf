using RuleForge.Model;

namespace RuleForge.Audit;

/// <summary>
/// Answers that blocklists give for a refused or wrong query rather than a listing. A filter
/// that lets one of these through rejects or scores every client the moment the list refuses
/// the site's resolver.
/// </summary>
public static class ErrorAnswers
{
    /// <summary>The error answers, with what they mean.</summary>
    public static IReadOnlyList<(uint Answer, string Meaning)> All { get; } =
    [
        (0x7FFFFFFE, "query through a public or open resolver"),
        (0x7FFFFFFF, "excessive number of queries"),
        (0x7FFFFFFC, "typing error in the list's name"),
    ];

    /// <summary>The first error answer the predicate accepts, or null.</summary>
    public static (string Answer, string Meaning)? FirstMatch(Func<uint, bool> matches)
    {
        foreach (var (answer, meaning) in All)
        {
            if (matches(answer))
            {
                return (ListingCodeRange.Format(answer), meaning);
            }
        }

        return null;
    }
}
