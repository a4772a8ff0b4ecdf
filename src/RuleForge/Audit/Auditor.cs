using RuleForge.Audit.Postfix;
using RuleForge.Audit.Rspamd;
using RuleForge.Audit.SpamAssassin;
using RuleForge.Diagnostics;
using RuleForge.Pipeline;
using RuleForge.Proof;

namespace RuleForge.Audit;

/// <summary>
/// Reads an existing deployment's configuration and reports what undercuts trust in it; with a
/// policy, also proves the policy again with the site's own restrictions merged in.
/// </summary>
public static class Auditor
{
    /// <summary>
    /// Audits the folders of the request; call <see cref="CheckInputs"/> first, since a folder
    /// that does not hold the daemon's configuration is skipped here.
    /// </summary>
    public static AuditResult Audit(AuditRequest request)
    {
        var findings = new DiagnosticBag();
        var audited = new List<string>();
        PostfixDeployment? postfix = null;
        RspamdDeployment? rspamd = null;
        SaDeployment? spamassassin = null;
        if (request.PostfixFolder is { } pf && PostfixDeployment.Load(pf, findings) is { } p)
        {
            postfix = p;
            audited.Add("postfix");
            PostfixAudit.Audit(p, findings);
        }

        if (request.RspamdFolder is { } rf && RspamdDeployment.Load(rf, findings) is { } r)
        {
            rspamd = r;
            audited.Add("rspamd");
            RspamdAudit.Audit(r, findings);
        }

        if (request.SpamAssassinFolder is { } sf && SaDeployment.Load(sf, findings) is { } s)
        {
            spamassassin = s;
            audited.Add("spamassassin");
            SaAudit.Audit(s, findings);
        }

        ProofResult? proof = null;
        IReadOnlyList<Diagnostic> policyDiagnostics = [];
        if (request.PolicyPath is { } policyPath)
        {
            var prepared = BuildPipeline.Prepare(policyPath, request.PolicyDisplayPath ?? policyPath, request.Defaults);
            if (prepared.Plan is { } plan && prepared.Succeeded)
            {
                proof = DeploymentProof.Prove(plan, postfix, rspamd, spamassassin, findings);
            }
            else
            {
                policyDiagnostics = prepared.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            }
        }

        var unique = findings.Items.DistinctBy(d => (d.Code, d.Location, d.Message)).ToList();
        return new AuditResult(unique, audited, proof, policyDiagnostics);
    }

    /// <summary>Input problems that make the audit impossible (exit 2): folders missing or empty of config.</summary>
    public static IReadOnlyList<Diagnostic> CheckInputs(AuditRequest request)
    {
        var problems = new List<Diagnostic>();
        Check(request.PostfixFolder, "--postfix", ["main.cf", "main.cf.fragment"], "holds no main.cf", problems);
        Check(request.RspamdFolder, "--rspamd", ["local.d", "override.d"], "holds neither local.d/ nor override.d/",
            problems);
        if (request.SpamAssassinFolder is { } sa && Directory.Exists(sa)
            && Directory.GetFiles(sa, "*.cf").Length == 0)
        {
            problems.Add(Messages.AuditInputMissing.At(SourceLocation.OfFile(sa), "--spamassassin", sa,
                "holds no .cf file"));
        }
        else
        {
            Check(request.SpamAssassinFolder, "--spamassassin", [], "", problems);
        }

        if (request.PolicyPath is { } policy && !File.Exists(policy))
        {
            problems.Add(Messages.AuditInputMissing.At(SourceLocation.OfFile(policy), "--policy", policy,
                "does not exist"));
        }

        if (request is { PostfixFolder: null, RspamdFolder: null, SpamAssassinFolder: null })
        {
            problems.Add(Messages.AuditInputMissing.At(SourceLocation.OfFile("audit"), "audit", "",
                "needs at least one of --postfix, --rspamd and --spamassassin"));
        }

        return problems;
    }

    private static void Check(string? folder, string option, string[] needs, string missing, List<Diagnostic> problems)
    {
        if (folder is null)
        {
            return;
        }

        if (!Directory.Exists(folder))
        {
            problems.Add(Messages.AuditInputMissing.At(SourceLocation.OfFile(folder), option, folder,
                "is not a folder"));
            return;
        }

        if (needs.Length > 0 && !needs.Any(n => Path.Exists(Path.Combine(folder, n))))
        {
            problems.Add(Messages.AuditInputMissing.At(SourceLocation.OfFile(folder), option, folder, missing));
        }
    }
}
