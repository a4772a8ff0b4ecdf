namespace RuleForge.Diagnostics;

/// <summary>
/// Every message text RuleForge prints, in one place. Codes are stable: RF10xx loading,
/// RF12xx validation, RF13xx resolution, RF14xx proof, RF15xx rendering and output,
/// RF16xx verification, RF17xx audit, RF18xx log diagnosis, RF19xx command line. The class is
/// partial: each area may keep its texts in a Messages.Area.cs file of its own.
/// </summary>
public static partial class Messages
{
    private const Severity E = Severity.Error;
    private const Severity W = Severity.Warning;

    // Loading
    public static readonly MessageTemplate YamlSyntax = new(
        "RF1001", E,
        "YAML syntax error: {0}",
        "Fix the YAML at this position: check quotes, brackets and indentation (spaces, not tabs).");
    public static readonly MessageTemplate DuplicateKey = new(
        "RF1002", E,
        "duplicate key '{0}' (first defined at line {1})",
        "Remove one of the two; YAML keys must be unique.");
    public static readonly MessageTemplate AliasRefused = new(
        "RF1003", E,
        "anchors and aliases ('{0}') are not allowed in a policy",
        "Write the value out; a policy is reviewed as text and aliases hide what it says.");
    public static readonly MessageTemplate FileUnreadable = new(
        "RF1004", E,
        "cannot read '{0}': {1}",
        "Check that the file exists and is readable.");
    public static readonly MessageTemplate NotUtf8 = new(
        "RF1005", E,
        "the file is not valid UTF-8 (first bad byte at offset {0})",
        "Save the file as UTF-8.");
    public static readonly MessageTemplate TooDeep = new(
        "RF1006", E,
        "the document nests deeper than {0} levels",
        "A policy needs only a few levels; flatten the structure.");
    public static readonly MessageTemplate TooLarge = new(
        "RF1007", E,
        "the file is {0} bytes, more than the limit of {1}",
        "Split the data out into a feed file.");
    public static readonly MessageTemplate EmptyDocument = new(
        "RF1008", E,
        "the policy is empty",
        "Start from rules/efax.yaml.");
    public static readonly MessageTemplate MultipleDocuments = new(
        "RF1009", E,
        "the file holds more than one YAML document",
        "Keep one policy per file.");

    // Validation
    public static readonly MessageTemplate UnknownKey = new(
        "RF1201", E,
        "unknown key '{0}' in {1}",
        "{2}");
    public static readonly MessageTemplate MissingKey = new(
        "RF1202", E,
        "{1} needs the key '{0}'",
        "Add '{0}:'; see the README's policy reference.");
    public static readonly MessageTemplate WrongType = new(
        "RF1203", E,
        "'{0}' must be {1}, not {2}",
        "Write {0} as {1}.");
    public static readonly MessageTemplate InvalidCidr = new(
        "RF1204", E,
        "'{0}' is not an IP network",
        "Write an IPv4 or IPv6 address with an optional prefix, such as 192.0.2.0/24 or 2001:db8::/32.");
    public static readonly MessageTemplate InvalidDomain = new(
        "RF1205", E,
        "'{0}' is not a valid domain name: {1}",
        "Write a DNS name such as mail.example.com (international names are converted to their ASCII form).");
    public static readonly MessageTemplate InvalidNumber = new(
        "RF1206", E,
        "'{0}' is not a finite number",
        "Write a number such as 5 or 6.5.");
    public static readonly MessageTemplate InvalidChoice = new(
        "RF1207", E,
        "'{0}' is not a valid value for {1}",
        "{2}");
    public static readonly MessageTemplate DuplicateId = new(
        "RF1208", E,
        "the id '{0}' is used twice (first at line {1})",
        "Give every {2} its own id.");
    public static readonly MessageTemplate BroadRange = new(
        "RF1209", E,
        "trusting {0} for sender '{1}' covers more than a /{2} (it holds {3} addresses)",
        "Narrow the range, or add 'broad' to the sender's ranges.acknowledge list if this really is the provider's " +
        "published range.");
    public static readonly MessageTemplate SpecialRange = new(
        "RF1210", E,
        "trusting {0} for sender '{1}' includes {2} address space ({3})",
        "Remove the range, or add '{4}' to the sender's ranges.acknowledge list if that is intended.");
    public static readonly MessageTemplate HostBitsSet = new(
        "RF1211", E,
        "'{0}' has host bits set",
        "Did you mean {1}?");
    public static readonly MessageTemplate InvalidListingCode = new(
        "RF1212", E,
        "listing code '{0}' is not valid: {1}",
        "Write a 127.x.y.z address or a range such as 127.0.0.2-127.0.0.11, as the blocklist documents it.");
    public static readonly MessageTemplate InvalidId = new(
        "RF1213", E,
        "'{0}' is not a valid id",
        "Use lower-case letters, digits and '-', starting with a letter, at most 40 characters.");
    public static readonly MessageTemplate UnknownFeed = new(
        "RF1214", E,
        "no feed has the id '{0}'",
        "{1}");
    public static readonly MessageTemplate InvalidZone = new(
        "RF1215", E,
        "'{0}' is not a valid DNS zone: {1}",
        "Write the blocklist's zone, such as zen.spamhaus.org.");
    public static readonly MessageTemplate ThresholdOrder = new(
        "RF1216", E,
        "the {0} threshold ({1}) must be lower than the {2} threshold ({3})",
        "Order the thresholds from mildest to harshest action.");
    public static readonly MessageTemplate NoTrustMechanism = new(
        "RF1217", E,
        "sender '{0}' has no way to be trusted",
        "Give it an 'authentication' block, 'ranges', or both.");
    public static readonly MessageTemplate InvalidVersion = new(
        "RF1218", E,
        "'{0}' is not a supported {1} version",
        "{2}");
    public static readonly MessageTemplate AuthNeedsDomains = new(
        "RF1219", E,
        "sender '{0}' requires authentication but lists no domains",
        "List the envelope and header From domains under 'domains'.");
    public static readonly MessageTemplate EmptyList = new(
        "RF1220", E,
        "'{0}' must not be empty",
        "Add at least one entry, or remove the key.");
    public static readonly MessageTemplate NoAuthCheck = new(
        "RF1221", E,
        "sender '{0}' has an authentication block with every check off",
        "Turn on spf, dkim or dmarc, or remove the block.");
    public static readonly MessageTemplate ErrorCodeAsListing = new(
        "RF1222", E,
        "listing code '{0}' of blocklist '{1}' lies in 127.255.255.0/24, where blocklists put error answers",
        "Remove it: 127.255.255.254 means 'query through a public resolver' and 127.255.255.255 'excessive " +
        "queries', not a listing.");
    public static readonly MessageTemplate ScoreSign = new(
        "RF1223", E,
        "{0} must be greater than zero, not {1}",
        "Credits and blocklist weights are magnitudes; RuleForge applies the sign.");
    public static readonly MessageTemplate NoTargets = new(
        "RF1224", E,
        "no target is enabled",
        "Enable at least one of postfix, rspamd, spamassassin under 'targets'.");
    public static readonly MessageTemplate AckUnused = new(
        "RF1225", W,
        "acknowledgement '{0}' of sender '{1}' is not needed by any of its ranges",
        "Remove it so that a later change that needs it is reviewed.");
    public static readonly MessageTemplate DomainRangeNeedsDomains = new(
        "RF1226", E,
        "sender '{0}' ties its ranges to its envelope domains but lists no domains",
        "List the domains, or set envelope_domain_required: false.");

    public static readonly MessageTemplate NoDmarcInTarget = new(
        "RF1227", E,
        "sender '{0}' requires DMARC, which SpamAssassin {1} cannot check",
        "Target SpamAssassin 4.0 (it has the DMARC plugin), or drop 'dmarc' from the sender's authentication.");

    // Resolution
    public static readonly MessageTemplate FeedUnreadable = new(
        "RF1301", E,
        "cannot read feed '{0}' ({1}): {2}",
        "Check the feed's 'file' path; it is relative to the policy file.");
    public static readonly MessageTemplate FeedParse = new(
        "RF1302", E,
        "feed '{0}' could not be read as {1}: {2}",
        "Check the feed's 'shape' and 'items' settings against the file.");
    public static readonly MessageTemplate FeedFilterEmpty = new(
        "RF1303", E,
        "the selection for sender '{0}' from feed '{1}' keeps no row",
        "Run 'ruleforge feed show' on the feed to see the values that exist.");
    public static readonly MessageTemplate FeedValueUnknown = new(
        "RF1304", E,
        "no row of feed '{0}' has {1} = '{2}'",
        "{3}");
    public static readonly MessageTemplate FeedBadCidr = new(
        "RF1305", E,
        "feed '{0}' row {1}: '{2}' is not an IP network",
        "Fix or remove the row; RuleForge never guesses a range.");
    public static readonly MessageTemplate FeedFieldUnknown = new(
        "RF1306", E,
        "feed '{0}' has no field '{1}'",
        "{2}");

    // Proof
    public static readonly MessageTemplate TrustTooLate = new(
        "RF1401", E,
        "sender '{0}' is not protected from blocklist '{1}' in {2} at {3}: {4}",
        "Ways out: {5}.");
    public static readonly MessageTemplate CreditTooSmall = new(
        "RF1402", E,
        "sender '{0}' ({1}) scores {2} in {3} when every blocklist fires, not below the {4} threshold {5}",
        "Ways out: raise the sender's credit to at least {6}, use 'credit: outrank', lower blocklist scores, or " +
        "lower proof.margin.");
    public static readonly MessageTemplate TrustAfterBlocklist = new(
        "RF1403", E,
        "in {0}, the trust check for sender '{1}' comes after the blocklist check for '{2}'",
        "This is a RuleForge bug; please report it with the policy.");
    public static readonly MessageTemplate OutsideRangesContentOnly = new(
        "RF1404", W,
        "mail from sender '{0}' that does not come from its ranges is protected from '{1}' only at the content stage",
        "That is expected when the sender may send from elsewhere; list more ranges to protect it at {2} too.");

    // Rendering and output
    public static readonly MessageTemplate TemplateError = new(
        "RF1501", E,
        "template '{0}' failed: {1}",
        "Fix the template; the built-in ones are in src/RuleForge/Templates.");
    public static readonly MessageTemplate OutputWrite = new(
        "RF1502", E,
        "cannot write the output to '{0}': {1}",
        "Check that the folder's parent exists and is writable; the old output is unchanged.");
    public static readonly MessageTemplate TemplateFolderMissing = new(
        "RF1503", E,
        "the template folder '{0}' does not exist",
        "Pass a folder that holds rspamd/, spamassassin/ and postfix/ templates.");

    public static readonly MessageTemplate TemplatesNeedPortableBuild = new(
        "RF1504", E,
        "the native build renders only the built-in templates; '{0}' needs the portable build",
        "Run the .NET tool or 'dotnet run' for custom templates: the native build keeps only what "
        + "the built-in templates read.");

    // Verification
    public static readonly MessageTemplate DaemonMissing = new(
        "RF1601", E,
        "{0} is not installed ('{1}' not found)",
        "Install it: run scripts/install-daemons.sh as root.");
    public static readonly MessageTemplate DaemonRejected = new(
        "RF1602", E,
        "{0} rejected the configuration: {1}",
        "Look at the named file; rebuild after fixing the policy or template.");
    public static readonly MessageTemplate SandboxFailed = new(
        "RF1603", E,
        "the loopback-only sandbox could not start: {0}",
        "verify needs root and 'unshare' (util-linux) to make a network namespace.");
    public static readonly MessageTemplate NotABuiltTree = new(
        "RF1604", E,
        "'{0}' is not a RuleForge output folder",
        "Pass the folder written by 'ruleforge build --out'.");

    // Resolution: SPF flattening and DNS (RF1310-RF1339)
    public static readonly MessageTemplate DnsFailed = new(
        "RF1310", E,
        "DNS lookup of {0} failed: {1}",
        "Nothing was flattened, so no trust list shrinks; check the DNS server (Dns:Servers or --dns-server) " +
        "and run again.");
    public static readonly MessageTemplate SpfNoRecord = new(
        "RF1311", E,
        "'{0}' publishes no SPF record",
        "Check the domain name; a sender without SPF can be trusted by DKIM at the content stage, or by " +
        "listing its ranges.");
    public static readonly MessageTemplate SpfMultipleRecords = new(
        "RF1312", E,
        "'{0}' publishes {1} SPF records",
        "Receivers return permerror when a domain has more than one v=spf1 record (RFC 7208 4.5); ask the " +
        "sender to merge them.");
    public static readonly MessageTemplate SpfSyntax = new(
        "RF1313", E,
        "the SPF record of '{0}' is invalid: {1}",
        "Receivers return permerror for this record (RFC 7208 4.6); ask the sender to fix it.");
    public static readonly MessageTemplate SpfLimitReached = new(
        "RF1314", E,
        "flattening '{0}' stopped: {1}",
        "The record tree is too large to flatten safely; list the sender's ranges in the policy instead.");
    public static readonly MessageTemplate SpfTargetNoRecord = new(
        "RF1315", W,
        "'{0}' in the SPF record of '{1}' names '{2}', which publishes no SPF record",
        "Receivers return permerror when they reach this term (RFC 7208 5.2); it adds no ranges; tell the " +
        "sender.");
    public static readonly MessageTemplate SpfLoop = new(
        "RF1316", W,
        "'{0}' in the SPF record of '{1}' loops back to '{2}' ({3})",
        "Receivers run out of lookups and return permerror when they reach this term; it adds no ranges; " +
        "tell the sender.");
    public static readonly MessageTemplate SpfTooManyLookups = new(
        "RF1317", W,
        "the SPF record of '{0}' needs {1} DNS lookups, more than the limit of {2}",
        "Receivers return permerror for it (RFC 7208 4.6.4), so its SPF can fail; the ranges were flattened " +
        "anyway; ask the sender to use fewer includes.");
    public static readonly MessageTemplate SpfTooManyVoidLookups = new(
        "RF1318", W,
        "the SPF record of '{0}' has {1} void lookups (names with no records), more than the limit of {2}",
        "Receivers return permerror for it (RFC 7208 4.6.4); the ranges were flattened anyway; ask the " +
        "sender to remove the dead names.");
    public static readonly MessageTemplate SpfTooManyMxNames = new(
        "RF1319", W,
        "'{0}' in the SPF record of '{1}' has {2} MX hosts, more than the limit of {3}",
        "Receivers return permerror for this term (RFC 7208 4.6.4); its hosts were flattened anyway; tell " +
        "the sender.");
    public static readonly MessageTemplate SpfUnflattenable = new(
        "RF1320", W,
        "'{0}' in the SPF record of '{1}' cannot be turned into address ranges: {2}",
        "Mail that passes SPF only through this term cannot be trusted by client IP at Postfix RCPT; trust " +
        "the sender at the content stage (authentication: spf or dkim) instead.");
    public static readonly MessageTemplate SpfNotTrusted = new(
        "RF1321", Severity.Info,
        "'{0}' in the SPF record of '{1}' is {2}, not pass: its addresses are not trusted",
        "Only pass terms (no qualifier, or '+') grant trust; nothing to do.");
    public static readonly MessageTemplate SpfTermsAfterAll = new(
        "RF1322", Severity.Info,
        "the SPF record of '{0}' has terms after '{1}', which receivers never evaluate: {2}",
        "They were ignored; tell the sender if they were meant to count.");
    public static readonly MessageTemplate SpfRedirectIgnored = new(
        "RF1323", Severity.Info,
        "the SPF record of '{0}' has both '{1}' and '{2}'; the redirect is ignored",
        "RFC 7208 6.1: a redirect takes effect only in a record without an 'all' term.");
    public static readonly MessageTemplate SpfUnknownModifier = new(
        "RF1324", Severity.Info,
        "the SPF record of '{0}' has the modifier '{1}', which receivers ignore",
        "RFC 7208 6: unknown modifiers are ignored; nothing to do.");
    public static readonly MessageTemplate SpfNoRanges = new(
        "RF1325", W,
        "the SPF record of '{0}' grants no address ranges",
        "Nothing can be trusted by client IP for this sender; trust it at the content stage instead.");
    public static readonly MessageTemplate BlocklistErrorAnswer = new(
        "RF1326", W,
        "blocklist '{0}' answered {1} for '{2}': {3}, not a listing",
        "Query blocklists through a resolver of your own, not a public or forwarding one; answers outside " +
        "listing_codes never count as listings.");

    // Resolution: the lockfile and SPF-trusted senders (RF1340-RF1359)
    public static readonly MessageTemplate LockfileMissing = new(
        "RF1340", E,
        "sender '{0}' trusts the SPF ranges of '{1}', but the lockfile '{2}' does not exist",
        "Run 'ruleforge lock {3} --dns-server HOST:PORT' once to resolve the SPF record and pin it; " +
        "build then reads the lockfile and needs no DNS.");
    public static readonly MessageTemplate LockEntryMissing = new(
        "RF1341", E,
        "the lockfile '{0}' holds no SPF entry for '{1}', which sender '{2}' trusts",
        "Run 'ruleforge lock {3} --dns-server HOST:PORT' to add it; entries already locked stay as they are.");
    public static readonly MessageTemplate LockHashMismatch = new(
        "RF1342", E,
        "the lockfile '{0}' does not match its content hash: it was changed by hand",
        "Restore it from version control, or run 'ruleforge lock {1} --refresh --dns-server HOST:PORT' to " +
        "resolve every record again and rewrite it.");
    public static readonly MessageTemplate LockUnreadable = new(
        "RF1343", E,
        "cannot read the lockfile '{0}': {1}",
        "Restore it from version control, or run 'ruleforge lock {2} --refresh --dns-server HOST:PORT' to " +
        "rewrite it.");
    public static readonly MessageTemplate LockSchema = new(
        "RF1344", E,
        "the lockfile '{0}' has schema version {1}; this RuleForge reads version {2}",
        "Run 'ruleforge lock {3} --refresh --dns-server HOST:PORT' with this version to rewrite it.");
    public static readonly MessageTemplate SpfTrustUnflattenable = new(
        "RF1345", W,
        "sender '{0}' trusts the SPF record of '{1}', whose terms {2} cannot become address ranges",
        "The sender is protected at Postfix RCPT only for mail from the flattened ranges; mail sent through " +
        "those terms earns trust only at the content stage (SPF, DKIM, DMARC).");
    public static readonly MessageTemplate LockShrink = new(
        "RF1346", E,
        "the refresh would remove {0} of the {1} {2} addresses of sender '{3}' ({4}), more than the limit of {5}",
        "Check the sender's SPF record; if the change is intended, run again with --allow-shrink (the limit " +
        "is the setting Lock:MaxShrink).");
    public static readonly MessageTemplate LockFailed = new(
        "RF1347", E,
        "cannot lock the SPF record of '{0}' (sender '{1}'); the lockfile was left unchanged",
        "The failing name is named above; fix the DNS problem or retry. A failed lookup never shrinks trust.");
    public static readonly MessageTemplate SpfEnvelopeRequired = new(
        "RF1348", E,
        "sender '{0}' trusts SPF ranges but sets envelope_domain_required: false",
        "SPF ranges name the hosts that may send for a domain, often shared by many; they count only with " +
        "the sender's envelope domain. Remove the line or set it to true.");
    public static readonly MessageTemplate LockWrite = new(
        "RF1349", E,
        "cannot write the lockfile '{0}': {1}",
        "Check that the folder is writable; the previous lockfile, if any, is unchanged.");

    // Resolution: feed shapes and selections (RF1360-RF1379)
    public static readonly MessageTemplate FeedShapeOptionUnused = new(
        "RF1360", E,
        "feed '{0}' has the shape '{1}', which does not use '{2}'",
        "Remove '{2}', or write shape: generic to describe the rows with 'items' and 'cidr_field'.");
    public static readonly MessageTemplate FeedExceptEmpty = new(
        "RF1361", E,
        "the 'except' of sender '{0}' from feed '{1}' keeps no row",
        "Run 'ruleforge feed show' on the feed to see the values that exist.");
    public static readonly MessageTemplate FeedNothingLeft = new(
        "RF1362", E,
        "the selection for sender '{0}' from feed '{1}' keeps no address once its 'except' ranges are taken out",
        "The 'except' selection covers every range kept; narrow it or drop the selection.");
    public static readonly MessageTemplate FeedShowKeepsNothing = new(
        "RF1363", E,
        "the filter keeps no row of feed '{0}'",
        "Change or drop a --where; run without --where to see every field and its values.");
}
