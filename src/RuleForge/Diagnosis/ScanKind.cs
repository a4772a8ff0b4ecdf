namespace RuleForge.Diagnosis;

/// <summary>What a parsed log line asks of the scanner's state (see <see cref="ScanItem"/>).</summary>
internal enum ScanKind : byte
{
    /// <summary>
    /// A Postfix reject naming a blocklist: Key is the address, Stage, Time, Detail the <see cref="DnsblReject"/>.
    /// </summary>
    Reject,

    /// <summary>smtpd "QUEUEID: client=host[ip]": Key is the queue id, Value the address.</summary>
    QueueClient,

    /// <summary>postscreen "DNSBL rank N" at or over the threshold: Key is the address, Rank, Time.</summary>
    Rank,

    /// <summary>postscreen PASS / allowlisted / denylisted: Key is the address.</summary>
    Pass,

    /// <summary>postscreen DISCONNECT: Key is the address.</summary>
    Disconnect,

    /// <summary>dnsblog answer: Key is the address, Time, Detail the zone and answer.</summary>
    Dnsblog,

    /// <summary>cleanup "message-id=": Key is the message id, Value the queue id.</summary>
    MessageQueue,

    /// <summary>qmgr "from=": Key is the queue id, Value the envelope sender.</summary>
    QueueFrom,

    /// <summary>An Rspamd verdict worth reporting: Time, Detail is the <see cref="ParsedRspamd"/>.</summary>
    Rspamd,

    /// <summary>spamd "checking message": Key is the pid, Value the message id.</summary>
    SpamdMessage,

    /// <summary>spamd "identified spam" / "clean message": Key is the pid, Score, Required.</summary>
    SpamdScore,

    /// <summary>spamd "result:": Key is the pid, Time, Detail is the <see cref="ParsedSpamd"/>.</summary>
    SpamdResult,
}
