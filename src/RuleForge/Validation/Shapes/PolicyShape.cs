using RuleForge.Resolution.Feeds;

namespace RuleForge.Validation.Shapes;

/// <summary>
/// The keys of a policy file, their values and which are required: the one description the
/// binders read mappings with (unknown and missing keys, choice words) and the JSON Schema is
/// generated from (<c>ruleforge schema</c>). Rules a schema cannot say cheaply (cross
/// references, threshold order, broad ranges) stay in the binders only.
/// </summary>
/// <remarks>Fields are in dependency order: each mapping is declared after the ones it holds.</remarks>
public static class PolicyShape
{
    private static readonly TextShape Text = new(AnyScalar: true);
    private static readonly TextShape Id = new(Identifiers.PatternText, Identifiers.MaxLength);
    private static readonly TextShape Domain = new();
    private static readonly TextShape Cidr = new();
    private static readonly TextShape Path = new(TargetBinder.PathPatternText);
    private static readonly TextShape RuleName = new(TargetBinder.RuleNamePatternText);
    private static readonly NumberShape Positive = new(0, Exclusive: true);
    private static readonly ChoiceShape Off = new(["off"]);

    /// <summary>targets.postfix.postscreen</summary>
    public static readonly ObjectShape Postscreen = new("targets.postfix.postscreen",
        new KeyShape("threshold", new IntegerShape(1, 1000), true,
            "postscreen_dnsbl_threshold: the summed DNSBL weight that rejects at connect"),
        new KeyShape("action", Words(TargetBinder.PostscreenActions), false,
            "postscreen_dnsbl_action (default enforce)"));

    /// <summary>targets.postfix</summary>
    public static readonly ObjectShape Postfix = new("targets.postfix",
        new KeyShape("version", Words(TargetBinder.PostfixVersions), true,
            "The Postfix version, quoted, such as \"3.7\""),
        new KeyShape("restriction_list", Words(TargetBinder.RestrictionLists), false,
            "The smtpd restriction list trust and DNSBL rejects go in (default smtpd_recipient_restrictions)"),
        new KeyShape("before", new ListShape(Words(TargetBinder.SiteRestrictions), AllowScalar: true), false,
            "Site restrictions kept before RuleForge's checks"),
        new KeyShape("postscreen", Postscreen, false, "Postscreen's DNSBL test; leave out when postscreen is not used"),
        new KeyShape("table_directory", Path, false, "Where the lookup tables are installed"));

    /// <summary>targets.rspamd.actions</summary>
    public static readonly ObjectShape RspamdActions = new("targets.rspamd.actions",
        new KeyShape("greylist", Positive, false, "Greylist threshold; left out: off"),
        new KeyShape("add_header", Positive, false, "Add-header threshold; left out: off"),
        new KeyShape("rewrite_subject", Positive, false, "Rewrite-subject threshold; left out: off"),
        new KeyShape("reject", Positive, true, "Reject threshold"));

    /// <summary>targets.rspamd</summary>
    public static readonly ObjectShape Rspamd = new("targets.rspamd",
        new KeyShape("version", Words(TargetBinder.RspamdVersions), true,
            "The Rspamd version, quoted, such as \"3.4\""),
        new KeyShape("actions", RspamdActions, false,
            "Action thresholds; replaces the defaults from settings whole"),
        new KeyShape("disable_stock_rbls", new ListShape(RuleName, AllowScalar: true), false,
            "Stock rbl rules on zones this policy configures itself"),
        new KeyShape("map_directory", Path, false, "Where the maps are installed"));

    /// <summary>targets.spamassassin</summary>
    public static readonly ObjectShape SpamAssassin = new("targets.spamassassin",
        new KeyShape("version", Words(TargetBinder.SpamAssassinVersions), true,
            "3.4 uses the whitelist_* names, 4.0 welcomelist_*"),
        new KeyShape("required_score", Positive, false, "required_score (default from settings)"),
        new KeyShape("plugin_directory", Path, false, "Where ruleforge.pre, ruleforge.cf and the plugin go"),
        new KeyShape("disable_stock_rules", new ListShape(RuleName, AllowScalar: true), false,
            "Stock rules scored 0"));

    /// <summary>targets</summary>
    public static readonly ObjectShape Targets = new("targets",
        [
            new KeyShape("postfix", Postfix, false, "Postfix postscreen and smtpd"),
            new KeyShape("rspamd", Rspamd, false, "Rspamd"),
            new KeyShape("spamassassin", SpamAssassin, false, "SpamAssassin"),
        ],
        [KeyRule.AtLeastOne("postfix", "rspamd", "spamassassin")]);

    /// <summary>proof</summary>
    public static readonly ObjectShape Proof = new("proof",
        new KeyShape("margin", new NumberShape(0, Exclusive: false), false,
            "Headroom for other spam signals on a trusted message"));

    /// <summary>site</summary>
    public static readonly ObjectShape Site = new("site",
        new KeyShape("relays", new ListShape(Cidr, AllowScalar: true), false,
            "The site's own relays (SpamAssassin trusted_networks)"));

    /// <summary>An item of 'feeds'.</summary>
    public static readonly ObjectShape Feed = new("a feed",
        [
            new KeyShape("id", Id, true, "The feed's id, used by 'select'"),
            new KeyShape("file", Text, false, "The feed file, relative to the policy file (or 'url')"),
            new KeyShape("url", Text, false,
                "The feed's https address (http only on loopback); 'ruleforge lock' pins it (or 'file')"),
            new KeyShape("shape", Words(FeedShapes.All), false,
                "The feed's format (default: auto; generic when items or cidr_field are given)"),
            new KeyShape("items", Text, false, "generic: dotted path to the array of rows"),
            new KeyShape("cidr_field", Text, false, "generic: the row field with a CIDR or a list of CIDRs"),
        ],
        [
            KeyRule.ExactlyOne("file", "url"),
            KeyRule.RequiredWhen("shape", FeedShapes.Generic, "items", "cidr_field"),
            KeyRule.ForbiddenUnless("shape", FeedShapes.Generic, "items", "cidr_field"),
            KeyRule.Requires("items", "cidr_field"),
            KeyRule.Requires("cidr_field", "items"),
        ]);

    /// <summary>A negated feed condition: <c>{ not: value }</c>.</summary>
    public static readonly ObjectShape Condition = new("a condition",
        new KeyShape("not", new AnyOfShape([Text, new ListShape(Text, AllowScalar: false)]), true,
            "Rows whose field has none of these values"));

    /// <summary>A selection's 'where': field name to value, list of values, or <c>{ not: ... }</c>.</summary>
    public static readonly MapShape Where = new(
        new AnyOfShape([Text, new ListShape(Text, AllowScalar: false), Condition]));

    /// <summary>An item of a selection's 'except'.</summary>
    public static readonly ObjectShape ExceptSelection = new("an 'except' selection",
        new KeyShape("feed", Id, false, "The feed (default: the selection's own)"),
        new KeyShape("where", Where, false, "Rows to take out"));

    /// <summary>An item of 'ranges.select'.</summary>
    public static readonly ObjectShape Selection = new("a feed selection",
        new KeyShape("feed", Id, true, "The feed's id"),
        new KeyShape("where", Where, false, "Keep the rows whose fields have these values"),
        new KeyShape("except", new ListShape(ExceptSelection, AllowScalar: false), false,
            "Selections whose ranges are taken out"));

    /// <summary>A sender's 'authentication'.</summary>
    public static readonly ObjectShape Authentication = new("authentication",
        new KeyShape("match", Words(SenderBinder.MatchWords), false, "all: every check; any: one is enough"),
        new KeyShape("spf", Words(SenderBinder.PassWords), false, "SPF must pass"),
        new KeyShape("dkim", new AnyOfShape([new ChoiceShape(["aligned", "off"]), new ListShape(Domain, false)]),
            false, "aligned (signed by the header From domain), off, or a list of signing domains"),
        new KeyShape("dmarc", Words(SenderBinder.PassWords), false, "DMARC must pass"));

    /// <summary>A sender's 'ranges'.</summary>
    public static readonly ObjectShape Ranges = new("ranges",
        [
            new KeyShape("inline", new ListShape(Cidr, AllowScalar: true), false, "CIDR ranges"),
            new KeyShape("select", new ListShape(Selection, AllowScalar: false), false, "Rows of feeds"),
            new KeyShape("spf", new ListShape(Domain, AllowScalar: true), false,
                "Domains whose SPF ranges are trusted, as pinned in the lockfile"),
            new KeyShape("envelope_domain_required", new BooleanShape(), false,
                "true: the ranges count only with one of the sender's domains"),
            new KeyShape("acknowledge", new ListShape(Words(SpecialRanges.AcknowledgementWords), true), false,
                "Kinds of broad or special ranges accepted on purpose"),
        ],
        [KeyRule.AtLeastOne("inline", "select", "spf")]);

    /// <summary>An item of 'senders'.</summary>
    public static readonly ObjectShape Sender = new("a sender",
        [
            new KeyShape("id", Id, true, "The sender's id: lower case, digits and single hyphens"),
            new KeyShape("description", Text, false, "Free text for the report"),
            new KeyShape("domains", new ListShape(Domain, AllowScalar: true), false,
                "Envelope and header From domains"),
            new KeyShape("authentication", Authentication, false, "Trust by domain (content filters)"),
            new KeyShape("ranges", Ranges, false, "Trust by client IP"),
            new KeyShape("credit", new AnyOfShape([new ChoiceShape(["outrank"]), Positive]), false,
                "outrank (default) or the credit's magnitude"),
        ],
        [KeyRule.AtLeastOne("authentication", "ranges"), KeyRule.Requires("authentication", "domains")]);

    /// <summary>act.postscreen when on.</summary>
    public static readonly ObjectShape PostscreenAct = new("act.postscreen",
        new KeyShape("weight", new IntegerShape(1, 100), true, "The DNSBL weight in postscreen"));

    /// <summary>act.rspamd when on.</summary>
    public static readonly ObjectShape RspamdAct = new("act.rspamd",
        new KeyShape("score", Positive, true, "The rule's score"));

    /// <summary>act.spamassassin when on.</summary>
    public static readonly ObjectShape SpamAssassinAct = new("act.spamassassin",
        new KeyShape("score", Positive, true, "The rule's score"));

    /// <summary>A blocklist's 'act'.</summary>
    public static readonly ObjectShape Act = new("act",
        new KeyShape("postscreen", new AnyOfShape([Off, PostscreenAct]), false, "{ weight: N } or off"),
        new KeyShape("smtpd", Words(BlocklistBinder.SmtpdWords), false, "reject at RCPT, or off"),
        new KeyShape("rspamd", new AnyOfShape([Off, RspamdAct]), false, "{ score: N } or off"),
        new KeyShape("spamassassin", new AnyOfShape([Off, SpamAssassinAct]), false, "{ score: N } or off"));

    /// <summary>An item of 'blocklists'.</summary>
    public static readonly ObjectShape Blocklist = new("a blocklist",
        new KeyShape("id", Id, true, "The blocklist's id"),
        new KeyShape("description", Text, false, "Free text for the report"),
        new KeyShape("zone", Domain, true, "The DNSBL zone, such as zen.spamhaus.org"),
        new KeyShape("checks", Words(BlocklistBinder.CheckWords), false, "What is looked up (default client-ip)"),
        new KeyShape("listing_codes", new ListShape(new TextShape(), AllowScalar: true, MinItems: 1), true,
            "Answers that mean listed: 127.0.0.2 or 127.0.0.2-127.0.0.11, within one 127.x.y.0/24"),
        new KeyShape("act", Act, true, "What each stage does with a listing"));

    /// <summary>The policy file itself.</summary>
    public static readonly ObjectShape Policy = new("the policy",
        new KeyShape("policy", Id, true, "The policy's id: lower case, digits and single hyphens"),
        new KeyShape("description", Text, false, "Free text for the report"),
        new KeyShape("targets", Targets, true, "The daemons to configure; leave one out to leave it alone"),
        new KeyShape("proof", Proof, false, "Proof settings"),
        new KeyShape("site", Site, false, "The site's own network"),
        new KeyShape("feeds", new ListShape(Feed, AllowScalar: false), false, "IP-range feeds senders select from"),
        new KeyShape("senders", new ListShape(Sender, AllowScalar: false, MinItems: 1), true, "Trusted senders"),
        new KeyShape("blocklists", new ListShape(Blocklist, AllowScalar: false), true, "DNS blocklists"));

    private static ChoiceShape Words(IEnumerable<string> words) => new([.. words]);

    private static ChoiceShape Words<T>(IEnumerable<(string Word, T Value)> choices) =>
        new([.. choices.Select(c => c.Word)]);
}
