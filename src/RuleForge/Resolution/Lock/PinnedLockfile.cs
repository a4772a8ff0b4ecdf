using RuleForge.Diagnostics;

namespace RuleForge.Resolution.Lock;

/// <summary>
/// A policy's lockfile as build reads it: once, on first need, with its own problems reported
/// once, shared by the SPF and the feed pins.
/// </summary>
public sealed class PinnedLockfile
{
    private readonly DiagnosticBag _diagnostics;
    private bool _read;
    private bool _exists;
    private Lockfile? _lockfile;

    /// <summary>Reads from <paramref name="location"/>, reporting into <paramref name="diagnostics"/>.</summary>
    public PinnedLockfile(LockfileLocation location, DiagnosticBag diagnostics)
    {
        Location = location;
        _diagnostics = diagnostics;
    }

    /// <summary>Where the lockfile lives.</summary>
    public LockfileLocation Location { get; }

    /// <summary>True when the lockfile exists (readable or not).</summary>
    public bool Exists
    {
        get
        {
            Read();
            return _exists;
        }
    }

    /// <summary>The lockfile; null when it is missing or could not be read (then that was reported).</summary>
    public Lockfile? Lockfile
    {
        get
        {
            Read();
            return _lockfile;
        }
    }

    private void Read()
    {
        if (_read)
        {
            return;
        }

        _read = true;
        _exists = LockfileStore.Exists(Location);
        _lockfile = LockfileStore.Load(Location, _diagnostics);
    }
}
