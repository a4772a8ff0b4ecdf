using RuleForge.Diagnostics;
using RuleForge.Planning;

namespace RuleForge.Audit.Postfix;

/// <summary>
/// Sets RuleForge's main.cf parameters over a site's main.cf, as 'postconf -e' with the
/// generated fragment does. Values already equal keep their place in main.cf.
/// </summary>
public static class PostfixInstall
{
    /// <summary>Installs the plan's parameters into <paramref name="main"/>.</summary>
    public static void Apply(PostfixPlan plan, MainCf main)
    {
        foreach (var list in plan.RestrictionLists)
        {
            Set(main, list.Name, string.Join(", ", list.Entries.Select(e => e.Text)));
        }

        if (plan.Classes.Count > 0)
        {
            var site = main.Parameters.GetValueOrDefault("smtpd_restriction_classes")?.Value.Text;
            var names = RestrictionItem.Tokens(PositionedText.FromLine(site ?? "", main.File, 0, 0))
                .Select(t => t.Text).Concat(plan.Classes.Select(c => c.Name)).Distinct(StringComparer.Ordinal);
            Set(main, "smtpd_restriction_classes", string.Join(", ", names));
            foreach (var cls in plan.Classes)
            {
                Set(main, cls.Name, cls.Restrictions);
            }
        }

        if (plan.Postscreen is { } ps)
        {
            Set(main, "postscreen_access_list", $"permit_mynetworks, {ps.AccessTable.Reference(plan.TableDirectory)}");
            Set(main, "postscreen_dnsbl_sites", string.Join(", ", ps.Sites.Select(s => s.Text)));
            Set(main, "postscreen_dnsbl_threshold",
                ps.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Set(main, "postscreen_dnsbl_action", ps.Action);
        }
    }

    private static void Set(MainCf main, string name, string value)
    {
        var existing = main.Parameters.GetValueOrDefault(name);
        if (existing is not null && Normalise(existing.Value.Text) == Normalise(value))
        {
            return;
        }

        var at = existing?.Location ?? SourceLocation.OfFile(main.File);
        main.Set(new PostfixParameter(name, PositionedText.FromLine(value, at.File, at.Line, Math.Max(at.Column, 1)),
            at));
    }

    private static string Normalise(string value) =>
        string.Join(' ', value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
