using RuleForge.Audit.Postfix;
using RuleForge.Audit.Rspamd;
using RuleForge.Audit.SpamAssassin;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Planning;
using RuleForge.Proof;

namespace RuleForge.Audit;

/// <summary>
/// Proves a policy against a deployment: RuleForge's main.cf parameters are installed over the
/// site's main.cf (as postconf -e would), every restriction list of every smtpd service is read
/// back into the plan, with the site's own blocklist rejects, postscreen sites and Rspamd rbl
/// rules, and the ordinary ranking proof runs on the result.
/// </summary>
public static class DeploymentProof
{
    /// <summary>Runs the proof; each failed obligation becomes an RF1720 finding.</summary>
    public static ProofResult Prove(BuildPlan plan, PostfixDeployment? postfix, RspamdDeployment? rspamd,
        SaDeployment? spamassassin, DiagnosticBag findings)
    {
        var context = new DeploymentPlanContext(plan.Policy);
        var postfixPlan = plan.Postfix;
        if (postfix is not null && plan.Postfix is { } planned)
        {
            PostfixInstall.Apply(planned, postfix.Main);
            postfixPlan = planned with
            {
                RestrictionLists = SmtpdLists(planned, postfix, context),
                Postscreen = Postscreen(planned, postfix, context),
            };
        }

        var rspamdPlan = plan.Rspamd;
        if (rspamd is not null && plan.Rspamd is { } rs)
        {
            rspamdPlan = rs with
            {
                Scoring = rs.Scoring with
                {
                    Blocklists = RspamdBlocklists(rs, rspamd, context),
                    Thresholds = RspamdActions.Thresholds(rspamd) ?? rs.Scoring.Thresholds,
                },
            };
        }

        var saPlan = plan.SpamAssassin;
        if (spamassassin is not null && plan.SpamAssassin is { } sa)
        {
            saPlan = sa with { Scoring = SaScoring(sa.Scoring, spamassassin, context) };
        }

        var policy = plan.Policy with { Blocklists = [.. plan.Policy.Blocklists, .. context.SiteLists] };
        var deployed = plan with { Policy = policy, Postfix = postfixPlan, Rspamd = rspamdPlan, SpamAssassin = saPlan };
        var proof = RankingProof.Prove(deployed);
        foreach (var failed in proof.Obligations.Where(o => o.Status == ObligationStatus.Failed))
        {
            var at = context.Where(failed.Target, failed.Stage)
                ?? SourceLocation.OfFile(failed.Target == "postfix" ? postfix?.Main.File ?? "main.cf" : failed.Target);
            findings.Report(Messages.AuditProofFails, at, failed.SenderId, failed.BlocklistId, failed.Target,
                failed.Stage, failed.Reason, WaysOut(failed.Stage));
        }

        return proof;
    }

    private static string WaysOut(string stage) => stage switch
    {
        _ when stage.StartsWith("RCPT", StringComparison.Ordinal) =>
            "put the sender's check_client_access table before the reject in that list, or remove the site's " +
            "own reject",
        _ when stage.StartsWith("connect", StringComparison.Ordinal) =>
            "permit the sender's ranges in postscreen_access_list, or lower the site's own DNSBL weights",
        _ => "lower or remove the site's own blocklist scores, or raise the sender's credit",
    };

    private static List<RestrictionList> SmtpdLists(
        PostfixPlan planned, PostfixDeployment postfix, DeploymentPlanContext context)
    {
        var trustTables = planned.RestrictionLists.SelectMany(l => l.Entries)
            .Where(e => e is { Kind: RestrictionKind.TrustClient, TableFile: not null })
            .ToDictionary(e => $"{planned.TableDirectory}/{e.TableFile}", e => e.SenderId, StringComparer.Ordinal);
        var lists = new List<RestrictionList>();
        foreach (var service in postfix.SmtpdServices)
        {
            foreach (var list in postfix.ListsOf(service).Where(l => l.Items.Any(i => i.IsBlocklistReject)))
            {
                var entries = list.Items.Select(i => Entry(i, trustTables, context)).ToList();
                var name = list.Label(postfix.NameServices);
                context.Remember("postfix", $"RCPT ({name})", list.Items.First(i => i.IsBlocklistReject).Location);
                lists.Add(new RestrictionList(name, entries));
            }
        }

        return lists;
    }

    private static Restriction Entry(
        RestrictionItem item, Dictionary<string, string?> trustTables, DeploymentPlanContext context)
    {
        if (item.Name == "check_client_access" && item.Argument is { } table)
        {
            var path = table[(table.IndexOf(':', StringComparison.Ordinal) + 1)..];
            return trustTables.TryGetValue(path, out var sender)
                ? new Restriction(RestrictionKind.TrustClient, item.Text, SenderId: sender,
                    TableFile: Path.GetFileName(path))
                : new Restriction(RestrictionKind.Site, item.Text);
        }

        if (!item.IsBlocklistReject)
        {
            return new Restriction(RestrictionKind.Site, item.Text);
        }

        var byClient = item.Name == "reject_rbl_client";
        var list = context.Blocklist(item.Zone, byClient ? BlocklistLookup.ClientIp : BlocklistLookup.SenderDomain,
            item.Location);
        return new Restriction(byClient ? RestrictionKind.RejectClientBlocklist : RestrictionKind.RejectSenderBlocklist,
            item.Text, BlocklistId: list.Id);
    }

    private static PostscreenPlan? Postscreen(
        PostfixPlan planned, PostfixDeployment postfix, DeploymentPlanContext context)
    {
        if (postfix.PostscreenServices.FirstOrDefault() is not { } service)
        {
            return null;
        }

        var settings = postfix.SettingsOf(service);
        var sites = PostscreenAudit.Sites(settings.Get("postscreen_dnsbl_sites"))
            .Where(s => s.Weight > 0)
            .Select(s => new PostscreenSite(context.Blocklist(s.Zone, BlocklistLookup.ClientIp, s.At).Id, s.Zone,
                s.Filter ?? "", s.Weight))
            .ToList();
        var permits = new List<TableEntry>();
        foreach (var token in RestrictionItem.Tokens(settings.Get("postscreen_access_list")))
        {
            if (planned.Postscreen is { } own && token.Text == own.AccessTable.Reference(planned.TableDirectory))
            {
                permits.AddRange(own.AccessTable.Entries.Where(e => e.Value == "permit"));
            }
            else if (postfix.Tables.Read(token.Text, token.At(0)) is { } entries)
            {
                permits.AddRange(entries.Where(e => e.Network is not null && e.Value.StartsWith("permit",
                        StringComparison.OrdinalIgnoreCase))
                    .Select(e => new TableEntry(e.Network!.Value.ToString(), "permit", e.Key)));
            }
        }

        if (sites.Count > 0)
        {
            context.Remember("postfix", "connect (postscreen)",
                PostscreenAudit.Sites(settings.Get("postscreen_dnsbl_sites"))[0].At);
        }

        var threshold = int.TryParse(settings.Get("postscreen_dnsbl_threshold").Text, out var t) ? t : 1;
        var action = settings.Get("postscreen_dnsbl_action").Text;
        var access = new LookupTable("cidr", "postscreen_access_list", "the deployment's postscreen permits", permits);
        return new PostscreenPlan(access, sites, threshold, action, planned.Postscreen?.AllowlistSpelling ?? false);
    }

    private static ContentScoring SaScoring(ContentScoring planned, SaDeployment sa, DeploymentPlanContext context)
    {
        var blocklists = planned.Blocklists.ToList();
        foreach (var rule in SaAudit.Blocklists(sa))
        {
            var list = context.Blocklist(rule.Zone, BlocklistLookup.ClientIp, rule.Location);
            if (list.Id.StartsWith("site:", StringComparison.Ordinal) && rule.Score > 0)
            {
                context.Remember("spamassassin", "content", rule.Location);
                blocklists.Add(new ScoredBlocklist(list.Id, rule.Name, rule.Score));
            }
        }

        var required = SaAudit.RequiredScore(sa);
        return planned with
        {
            Blocklists = blocklists,
            Thresholds = required is { } r ? [("required_score", r)] : planned.Thresholds,
        };
    }

    private static List<ScoredBlocklist> RspamdBlocklists(
        RspamdPlan planned, RspamdDeployment rspamd, DeploymentPlanContext context)
    {
        var result = planned.Scoring.Blocklists.ToList();
        var scores = RspamdScores.Collect(rspamd);
        if (rspamd["rbl.conf"]?.Root["rbls"] is not UclObject rules)
        {
            return result;
        }

        foreach (var rule in rules.Objects)
        {
            var body = (UclObject)rule.Value;
            var zone = body.Text("rbl");
            if (zone is null || body["enabled"] is UclScalar { IsTrue: false }
                || planned.Blocklists.Any(b => string.Equals(b.Zone, zone, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var symbols = (body["returncodes"] as UclObject)?.Entries.Select(e => e.Key).ToList() ?? [];
            symbols.Add(body.Text("symbol") ?? rule.Key.ToUpperInvariant());
            var score = symbols.Select(s => scores.GetValueOrDefault(s)).DefaultIfEmpty(0).Max();
            if (score > 0)
            {
                var list = context.Blocklist(zone, BlocklistLookup.ClientIp, rule.Location);
                context.Remember("rspamd", "content", rule.Location);
                result.Add(new ScoredBlocklist(list.Id, symbols[^1], score));
            }
        }

        return result;
    }
}
