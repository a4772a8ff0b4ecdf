using System.Runtime.CompilerServices;

namespace RuleForge.Diagnosis;

/// <summary>
/// A least-recently-used map with a fixed capacity: correlation state (queue ids, pids, client
/// addresses) stays bounded however long the log is. Adding past the capacity drops the entry
/// used longest ago. The recency list lives in arrays of slots, so a log's millions of updates
/// allocate nothing once the cache is full.
/// </summary>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private const int None = -1;

    private readonly int _capacity;
    private readonly Dictionary<TKey, int> _map;
    private Slot[] _slots = new Slot[16];
    private int _used;
    private int _newest = None;
    private int _oldest = None;
    private int _free = None;

    /// <summary>A cache holding at most <paramref name="capacity"/> entries.</summary>
    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _map = new Dictionary<TKey, int>(comparer);
    }

    /// <summary>Number of entries held.</summary>
    public int Count => _map.Count;

    /// <summary>Adds or replaces an entry and marks it most recently used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(TKey key, TValue value)
    {
        if (_map.TryGetValue(key, out var at))
        {
            Slots[at].Value = value;
            MoveToFront(at);
            return;
        }

        if (_map.Count >= _capacity)
        {
            var last = _oldest;
            _map.Remove(Slots[last].Key);
            Unlink(last);
            Release(last);
        }

        at = Take();
        Slots[at].Key = key;
        Slots[at].Value = value;
        LinkFront(at);
        _map[key] = at;
    }

    /// <summary>Looks an entry up and marks it most recently used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(TKey key, out TValue value)
    {
        if (_map.TryGetValue(key, out var at))
        {
            MoveToFront(at);
            value = Slots[at].Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Removes an entry if present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Remove(TKey key)
    {
        if (_map.Remove(key, out var at))
        {
            Unlink(at);
            Release(at);
        }
    }

    private Slot[] Slots => _slots;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Take()
    {
        if (_free != None)
        {
            var at = _free;
            _free = Slots[at].Next;
            return at;
        }

        if (_used == _slots.Length)
        {
            Array.Resize(ref _slots, Math.Min(_slots.Length * 2, Math.Max(_capacity, 16)));
        }

        return _used++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Release(int at)
    {
        // Note: the slot drops its key and value so the collector can free them.
        Slots[at] = new Slot { Next = _free, Previous = None };
        _free = at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MoveToFront(int at)
    {
        if (at != _newest)
        {
            Unlink(at);
            LinkFront(at);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LinkFront(int at)
    {
        var slots = Slots;
        slots[at].Previous = None;
        slots[at].Next = _newest;
        if (_newest != None)
        {
            slots[_newest].Previous = at;
        }

        _newest = at;
        if (_oldest == None)
        {
            _oldest = at;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Unlink(int at)
    {
        var slots = Slots;
        var (previous, next) = (slots[at].Previous, slots[at].Next);
        if (previous != None)
        {
            slots[previous].Next = next;
        }
        else
        {
            _newest = next;
        }

        if (next != None)
        {
            slots[next].Previous = previous;
        }
        else
        {
            _oldest = previous;
        }
    }

    private struct Slot
    {
        public TKey Key;
        public TValue Value;
        public int Previous;
        public int Next;
    }
}
