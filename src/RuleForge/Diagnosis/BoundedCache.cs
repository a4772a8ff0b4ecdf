using System.Runtime.CompilerServices;
namespace RuleForge.Diagnosis;

/// <summary>
/// A least-recently-used map with a fixed capacity: correlation state (queue ids, pids, client
/// addresses) stays bounded however long the log is. Adding past the capacity drops the entry
/// used longest ago.
/// </summary>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _map;
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();

    /// <summary>A cache holding at most <paramref name="capacity"/> entries.</summary>
    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _map = new Dictionary<TKey, LinkedListNode<(TKey, TValue)>>(comparer);
    }

    /// <summary>Number of entries held.</summary>
    public int Count => _map.Count;

    /// <summary>Adds or replaces an entry and marks it most recently used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(TKey key, TValue value)
    {
        if (_map.TryGetValue(key, out var node))
        {
            node.Value = (key, value);
            _order.Remove(node);
            _order.AddFirst(node);
            return;
        }

        if (_map.Count >= _capacity)
        {
            var last = _order.Last!;
            _order.RemoveLast();
            _map.Remove(last.Value.Key);
        }

        _map[key] = _order.AddFirst((key, value));
    }

    /// <summary>Looks an entry up and marks it most recently used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(TKey key, out TValue value)
    {
        if (_map.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Removes an entry if present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Remove(TKey key)
    {
        if (_map.Remove(key, out var node))
        {
            _order.Remove(node);
        }
    }
}
