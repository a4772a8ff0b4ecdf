using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RuleForge.Diagnostics;

namespace RuleForge.Diagnosis;

/// <summary>The running count behind a <see cref="BlocklistGroup"/>; its lists are capped.</summary>
internal sealed class GroupTally(string firstSeen, SourceLocation firstLocation)
{
    public const int MaxExamples = 3;
    public const int MaxFates = 12;

    public long Count { get; set; }

    public string FirstSeen { get; } = firstSeen;

    public SourceLocation FirstLocation { get; } = firstLocation;

    public string LastSeen { get; set; } = firstSeen;

    public List<BlockEvent> Examples { get; } = [];

    public Dictionary<string, long> Fates { get; } = new(StringComparer.Ordinal);

    public void AddFate(string fate)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(Fates, fate);
        if (Unsafe.IsNullRef(ref count))
        {
            if (Fates.Count >= MaxFates)
            {
                fate = "other outcomes";
            }

            count = ref CollectionsMarshal.GetValueRefOrAddDefault(Fates, fate, out _);
        }

        count++;
    }
}
