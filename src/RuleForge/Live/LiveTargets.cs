namespace RuleForge.Live;

/// <summary>
/// Which targets a run observes: those the tree has output for. <see cref="FullPath"/> is false
/// when postscreen's path (postscreen, smtpd, the Rspamd milter, the mailbox) was broken.
/// </summary>
internal sealed record LiveTargets(bool Rspamd, bool SpamAssassin, bool Postfix, bool FullPath = true)
{
    /// <summary>The targets present in a built tree.</summary>
    public static LiveTargets Of(string tree) => new(
        Directory.Exists(Path.Combine(tree, "rspamd")),
        Directory.Exists(Path.Combine(tree, "spamassassin")),
        File.Exists(Path.Combine(tree, "postfix", "main.cf.fragment")));

    /// <summary>The comma list the sandbox script takes.</summary>
    public string ScriptArgument => string.Join(',', new[]
    {
        Rspamd ? "rspamd" : null,
        SpamAssassin ? "spamassassin" : null,
        Postfix ? "postfix" : null,
    }.OfType<string>());

    /// <summary>The programs each present target needs, with the daemon's name.</summary>
    public IEnumerable<(string Daemon, string Program)> Programs()
    {
        string[] common = ["dnsmasq", "openssl", "perl", "setpriv", "flock", "bc", "curl"];
        foreach (var p in common)
        {
            yield return ("the sandbox", p);
        }

        if (Rspamd)
        {
            yield return ("Rspamd", "rspamd");
            yield return ("Rspamd", "rspamc");
        }

        if (SpamAssassin)
        {
            yield return ("SpamAssassin", "spamd");
            yield return ("SpamAssassin", "spamc");
        }

        if (Postfix)
        {
            yield return ("Postfix", "postfix");
            yield return ("Postfix", "postconf");
            yield return ("Postfix", "postqueue");
            yield return ("Postfix", "swaks");
        }
    }
}
