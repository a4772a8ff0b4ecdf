using System.Numerics;
using System.Runtime.CompilerServices;

namespace RuleForge.Diagnosis;

/// <summary>
/// A least-recently-used map with a fixed capacity: correlation state (queue ids, pids, client
/// addresses) stays bounded however long the log is. Adding past the capacity drops the entry
/// used longest ago. Entries, their hash chains and the recency list live in arrays of slots, so a
/// log's millions of updates allocate nothing once the cache is full.
/// </summary>
/// <remarks>
/// Note: the hash index is this class's own code rather than a <see cref="Dictionary{TKey,TValue}"/>:
/// the runtime's generic collections over a struct key of this assembly have no precompiled code
/// and ran unoptimized for most of a 1 GB log before the runtime got round to optimizing them; this
/// code is compiled optimized on first use.
/// </remarks>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private const int None = -1;

    private readonly int _capacity;
    private readonly IEqualityComparer<TKey> _comparer;
    private readonly bool _defaultComparer;
    private readonly int[] _buckets;
    private readonly int _shift;
    private Slot[] _slots = new Slot[16];
    private int _count;
    private int _used;
    private int _newest = None;
    private int _oldest = None;
    private int _free = None;

    /// <summary>A cache holding at most <paramref name="capacity"/> entries.</summary>
    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 24);
        _capacity = capacity;
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _defaultComparer = comparer is null;
        // Note: at least two buckets per entry keeps chains short; a power of two, indexed by the top
        // bits of a multiplied hash, so keys whose hashes differ only in high or low bits spread too.
        var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity * 2, 16));
        _buckets = new int[buckets];
        Array.Fill(_buckets, None);
        _shift = 32 - BitOperations.Log2((uint)buckets);
    }

    /// <summary>Number of entries held.</summary>
    public int Count => _count;

    /// <summary>Adds or replaces an entry and marks it most recently used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(TKey key, TValue value)
    {
        var hash = HashOf(key);
        var at = Find(key, hash);
        if (at != None)
        {
            _slots[at].Value = value;
            MoveToFront(at);
            return;
        }

        if (_count >= _capacity)
        {
            var last = _oldest;
            Detach(last);
            Unlink(last);
            Release(last);
        }

        at = Take();
        ref var slot = ref _slots[at];
        slot.Key = key;
        slot.Value = value;
        slot.Hash = hash;
        ref var bucket = ref _buckets[Bucket(hash)];
        slot.Chain = bucket;
        bucket = at;
        _count++;
        LinkFront(at);
    }

    /// <summary>Looks an entry up and marks it most recently used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(TKey key, out TValue value)
    {
        var at = Find(key, HashOf(key));
        if (at != None)
        {
            MoveToFront(at);
            value = _slots[at].Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Removes an entry if present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Remove(TKey key)
    {
        var at = Find(key, HashOf(key));
        if (at != None)
        {
            Detach(at);
            Unlink(at);
            Release(at);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HashOf(TKey key) =>
        typeof(TKey).IsValueType && _defaultComparer
            ? EqualityComparer<TKey>.Default.GetHashCode(key)
            : _comparer.GetHashCode(key);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Same(TKey a, TKey b) =>
        typeof(TKey).IsValueType && _defaultComparer
            ? EqualityComparer<TKey>.Default.Equals(a, b)
            : _comparer.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> _shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(TKey key, int hash)
    {
        var slots = _slots;
        for (var at = _buckets[Bucket(hash)]; at != None; at = slots[at].Chain)
        {
            if (slots[at].Hash == hash && Same(slots[at].Key, key))
            {
                return at;
            }
        }

        return None;
    }

    /// <summary>Takes an entry out of its hash chain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Detach(int at)
    {
        var slots = _slots;
        ref var link = ref _buckets[Bucket(slots[at].Hash)];
        while (link != at)
        {
            link = ref slots[link].Chain;
        }

        link = slots[at].Chain;
        _count--;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Take()
    {
        if (_free != None)
        {
            var at = _free;
            _free = _slots[at].Next;
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
        _slots[at] = new Slot { Next = _free, Previous = None, Chain = None };
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
        var slots = _slots;
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
        var slots = _slots;
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
        public int Hash;
        public int Chain;
        public int Previous;
        public int Next;
    }
}
