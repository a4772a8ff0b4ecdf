using System.Text.RegularExpressions;
using RuleForge.Diagnostics;
using RuleForge.Loading;
using RuleForge.Model;
using RuleForge.Pipeline;
using RuleForge.Validation.Shapes;

namespace RuleForge.Validation;

/// <summary>Binds the 'targets' block: which daemons, which versions, which thresholds.</summary>
internal static partial class TargetBinder
{
    /// <summary>Restriction lists RuleForge may place its checks in.</summary>
    internal static readonly string[] RestrictionLists =
        ["smtpd_client_restrictions", "smtpd_helo_restrictions", "smtpd_sender_restrictions",
         "smtpd_recipient_restrictions"];

    /// <summary>Site restrictions that may precede RuleForge's checks: none can be injected.</summary>
    internal static readonly string[] SiteRestrictions =
        ["permit_mynetworks", "permit_sasl_authenticated", "reject_unauth_destination",
         "defer_unauth_destination", "reject_unauth_pipelining", "reject_non_fqdn_recipient",
         "reject_unknown_recipient_domain", "reject_unlisted_recipient"];

    /// <summary>Postfix versions whose parameters the templates know.</summary>
    internal static readonly string[] PostfixVersions = ["3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10"];

    /// <summary>Rspamd versions whose configuration the templates know.</summary>
    internal static readonly string[] RspamdVersions =
        ["3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

    /// <summary>SpamAssassin versions: 3.4 has the whitelist_* names, 4.0 welcomelist_*.</summary>
    internal static readonly string[] SpamAssassinVersions = ["3.4", "4.0"];

    /// <summary>The values of postscreen_dnsbl_action.</summary>
    internal static readonly string[] PostscreenActions = ["enforce", "drop", "ignore"];

    /// <summary>
    /// An install path: absolute (Rspamd's may start with ${LOCAL_CONFDIR} or ${CONFDIR}), of
    /// letters, digits, '/', '.', '_' and '-', with no '/../'.
    /// The schema prints this; the binder checks with <see cref="InstallPaths.IsValid"/>, the same rule.
    /// </summary>
    internal const string PathPatternText =
        @"^(?!.*/\.\./)(?:\$\{(?:LOCAL_CONFDIR|CONFDIR)\})?/[A-Za-z0-9/._-]{1,200}$";

    /// <summary>A stock rule name as Rspamd's rbl.conf or SpamAssassin's rules spell it.</summary>
    internal const string RuleNamePatternText = RuleNameCore + "$";

    private const string RuleNameCore = "^[A-Za-z][A-Za-z0-9_]{0,62}";

    public static Targets? Bind(SyntaxNode node, ValueReader values, PolicyDefaults defaults)
    {
        var targets = MappingReader.Open(node, values.Diagnostics, PolicyShape.Targets);
        if (targets is null)
        {
            return null;
        }

        var postfix = targets.Optional("postfix") is { } p ? BindPostfix(p, values, defaults) : null;
        var rspamd = targets.Optional("rspamd") is { } r ? BindRspamd(r, values, defaults) : null;
        var sa = targets.Optional("spamassassin") is { } s ? BindSpamAssassin(s, values, defaults) : null;
        if (postfix is null && rspamd is null && sa is null && !values.Diagnostics.HasErrors)
        {
            values.Diagnostics.Report(Messages.NoTargets, targets.Location);
        }

        return new Targets(postfix, rspamd, sa);
    }

    private static PostfixTarget? BindPostfix(SyntaxNode node, ValueReader values, PolicyDefaults defaults)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.Postfix);
        if (m is null)
        {
            return null;
        }

        var version = ReadVersion(m.Required("version"), values, "Postfix", PostfixVersions);
        var list = m.Optional("restriction_list") is { } l
            ? values.Choice(l, "targets.postfix.restriction_list", RestrictionLists.Select(x => (x, x)).ToArray())
            : "smtpd_recipient_restrictions";
        var before = m.Optional("before") is { } b
            ? values.List(b, "targets.postfix.before")
                .Select(i => values.Choice(i, "a site restriction", SiteRestrictions.Select(x => (x, x)).ToArray()))
                .OfType<string>().ToList()
            : ["permit_mynetworks", "reject_unauth_destination"];
        var postscreen = m.Optional("postscreen") is { } ps ? BindPostscreen(ps, values) : null;
        var directory = m.Optional("table_directory") is { } td
            ? ReadPath(td, values, "targets.postfix.table_directory")
            : defaults.PostfixTableDirectory;
        return version is null || list is null || directory is null
            ? null
            : new PostfixTarget(version, list, before, postscreen, directory);
    }

    private static PostscreenSettings? BindPostscreen(SyntaxNode node, ValueReader values)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.Postscreen);
        if (m is null)
        {
            return null;
        }

        var threshold = m.Required("threshold") is { } t ? values.Integer(t, "postscreen threshold", 1, 1000) : null;
        var action = m.Optional("action") is { } a
            ? values.Choice(a, "postscreen action", PostscreenActions.Select(x => (x, x)).ToArray())
            : "enforce";
        return threshold is null || action is null ? null : new PostscreenSettings(threshold.Value, action);
    }

    private static RspamdTarget? BindRspamd(SyntaxNode node, ValueReader values, PolicyDefaults defaults)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.Rspamd);
        if (m is null)
        {
            return null;
        }

        var version = ReadVersion(m.Required("version"), values, "Rspamd", RspamdVersions);

        // Note: without an 'actions' block the thresholds come from settings (defaults: Debian's
        // stock greylist 4, add_header 6, reject 15), so the proof still knows them.
        double? greylist = defaults.Greylist, addHeader = defaults.AddHeader;
        double? rewrite = null, reject = defaults.Reject;
        if (m.Optional("actions") is { } an
            && MappingReader.Open(an, values.Diagnostics, PolicyShape.RspamdActions) is { } actions)
        {
            // Note: a policy's own actions block replaces the defaults whole.
            greylist = actions.Optional("greylist") is { } g ? values.Positive(g, "greylist threshold") : null;
            addHeader = actions.Optional("add_header") is { } h ? values.Positive(h, "add_header threshold") : null;
            rewrite = actions.Optional("rewrite_subject") is { } rs
                ? values.Positive(rs, "rewrite_subject threshold")
                : null;
            reject = actions.Required("reject") is { } rj ? values.Positive(rj, "reject threshold") : null;
            CheckOrder(values, actions.Location, ("greylist", greylist), ("add_header", addHeader),
                ("rewrite_subject", rewrite), ("reject", reject));
        }

        var stock = m.Optional("disable_stock_rbls") is { } ds
            ? values.List(ds, "targets.rspamd.disable_stock_rbls")
                .Select(i => values.Scalar(i, "a stock rbl rule name"))
                .OfType<ScalarSyntax>()
                .Where(s => CheckRuleName(s, values))
                .Select(s => s.Value).ToList()
            : [];
        var maps = m.Optional("map_directory") is { } md
            ? ReadPath(md, values, "targets.rspamd.map_directory")
            : defaults.RspamdMapDirectory;
        return version is null || reject is null || maps is null
            ? null
            : new RspamdTarget(version, greylist, addHeader, rewrite, reject.Value, stock, maps);
    }

    private static SpamAssassinTarget? BindSpamAssassin(SyntaxNode node, ValueReader values, PolicyDefaults defaults)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.SpamAssassin);
        if (m is null)
        {
            return null;
        }

        var version = ReadVersion(m.Required("version"), values, "SpamAssassin", SpamAssassinVersions);
        var required = m.Optional("required_score") is { } r
            ? values.Positive(r, "required_score")
            : defaults.RequiredScore;
        var plugins = m.Optional("plugin_directory") is { } pd
            ? ReadPath(pd, values, "targets.spamassassin.plugin_directory")
            : defaults.SpamAssassinDirectory;
        var stock = m.Optional("disable_stock_rules") is { } ds
            ? values.List(ds, "targets.spamassassin.disable_stock_rules")
                .Select(i => values.Scalar(i, "a stock rule name"))
                .OfType<ScalarSyntax>()
                .Where(s => CheckRuleName(s, values))
                .Select(s => s.Value).ToList()
            : [];
        return version is null || required is null || plugins is null
            ? null
            : new SpamAssassinTarget(version, required.Value, plugins, stock);
    }

    private static void CheckOrder(ValueReader values, SourceLocation at, params (string Name, double? Value)[] actions)
    {
        var present = actions.Where(a => a.Value is not null).ToList();
        for (var i = 1; i < present.Count; i++)
        {
            if (present[i - 1].Value >= present[i].Value)
            {
                values.Diagnostics.Report(Messages.ThresholdOrder, at, present[i - 1].Name,
                    present[i - 1].Value!, present[i].Name, present[i].Value!);
            }
        }
    }

    private static Version? ReadVersion(SyntaxNode? node, ValueReader values, string product, string[] supported)
    {
        var scalar = node is null ? null : values.Scalar(node, $"{product} version");
        if (scalar is null)
        {
            return null;
        }

        var text = scalar.Value;
        var majorMinor = text.Split('.').Length > 2 ? string.Join('.', text.Split('.').Take(2)) : text;
        if (supported.Contains(majorMinor) && Version.TryParse(majorMinor, out var version))
        {
            return version;
        }

        values.Diagnostics.Report(Messages.InvalidVersion, scalar.Location, text, product,
            $"Supported: {string.Join(", ", supported)} (write it quoted, such as \"{supported[^1]}\").");
        return null;
    }

    private static string? ReadPath(SyntaxNode node, ValueReader values, string what)
    {
        var scalar = values.Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (InstallPaths.IsValid(scalar.Value))
        {
            return scalar.Value.TrimEnd('/');
        }

        values.Diagnostics.Report(Messages.InvalidChoice, scalar.Location, scalar.Value, what,
            $"Write {InstallPaths.Rule}.");
        return null;
    }

    private static bool CheckRuleName(ScalarSyntax s, ValueReader values)
    {
        if (RuleName().IsMatch(s.Value))
        {
            return true;
        }

        values.Diagnostics.Report(Messages.InvalidChoice, s.Location, s.Value, "a stock rbl rule name",
            "Write the rule's name as Rspamd's rbl.conf spells it, such as spamhaus.");
        return false;
    }

    // Note: \z, not $: '$' also matches before a final newline (the schema's ECMA '$' does not).
    [GeneratedRegex(RuleNameCore + @"\z")]
    private static partial Regex RuleName();
}
