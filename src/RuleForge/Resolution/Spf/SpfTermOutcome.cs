namespace RuleForge.Resolution.Spf;

/// <summary>What flattening made of one term.</summary>
public enum SpfTermOutcome
{
    /// <summary>A pass term: its addresses are trusted (after earlier terms took theirs).</summary>
    Granted,

    /// <summary>A fail, softfail or neutral term: its addresses are reported, never trusted.</summary>
    NotTrusted,

    /// <summary>exists, ptr, a macro, or a pass 'all': no address ranges can stand for it.</summary>
    Unflattenable,

    /// <summary>The lookup found no addresses.</summary>
    Void,

    /// <summary>An include or redirect whose target publishes no SPF record.</summary>
    NoRecord,

    /// <summary>An include or redirect that leads back to a record on its own path.</summary>
    Loop,

    /// <summary>A term after 'all', or a redirect next to 'all': receivers never evaluate it.</summary>
    Ignored,

    /// <summary>A fail, softfail or neutral 'all' that ends the record.</summary>
    All,
}
