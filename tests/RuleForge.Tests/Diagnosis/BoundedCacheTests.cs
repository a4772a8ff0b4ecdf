using RuleForge.Diagnosis;
using Xunit;

namespace RuleForge.Tests.Diagnosis;

public class BoundedCacheTests
{
    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(3, 2, false)]
    [InlineData(16, 3, false)]
    [InlineData(40, 4, false)]
    [InlineData(16, 5, true)]
    public void RandomOperations_AgreeWithAPlainListOfEntries(int capacity, int seed, bool collide)
    {
        var random = new Random(seed);
        // A comparer that hashes every key alike puts all entries in one chain: removal from its
        // middle and eviction of its last are then exercised on every step.
        var cache = new BoundedCache<string, int>(capacity, collide ? new OneHash() : StringComparer.Ordinal);
        var reference = new List<(string Key, int Value)>(); // most recently used first

        for (var step = 0; step < 20_000; step++)
        {
            var key = "k" + random.Next(capacity * 3);
            var index = reference.FindIndex(e => e.Key == key);
            switch (random.Next(3))
            {
                case 0:
                    if (index >= 0)
                    {
                        reference.RemoveAt(index);
                    }
                    else if (reference.Count == capacity)
                    {
                        reference.RemoveAt(reference.Count - 1);
                    }

                    reference.Insert(0, (key, step));
                    cache.Set(key, step);
                    break;
                case 1:
                    var found = cache.TryGet(key, out var value);
                    Assert.Equal(index >= 0, found);
                    if (found)
                    {
                        Assert.Equal(reference[index].Value, value);
                        var entry = reference[index];
                        reference.RemoveAt(index);
                        reference.Insert(0, entry);
                    }

                    break;
                default:
                    if (index >= 0)
                    {
                        reference.RemoveAt(index);
                    }

                    cache.Remove(key);
                    break;
            }

            Assert.Equal(reference.Count, cache.Count);
        }
    }

    [Fact]
    public void KeysOfLogFields_FoundWhetherMadeFromBytesOrFromText()
    {
        var cache = new BoundedCache<LogKey, int>(4);
        string[] fields = ["4A1B2C", "192.0.2.1", "2001:db8::1234:5678:9abc", "<m@example.org>", "h\u00e9", ""];
        for (var i = 0; i < fields.Length; i++)
        {
            cache.Set(LogKey.From(System.Text.Encoding.UTF8.GetBytes(fields[i])), i);
        }

        // The capacity is 4: the first two were dropped, the rest are found by their text.
        Assert.False(cache.TryGet(LogKey.From(fields[0]), out _));
        Assert.False(cache.TryGet(LogKey.From(fields[1]), out _));
        for (var i = 2; i < fields.Length; i++)
        {
            Assert.True(cache.TryGet(LogKey.From(fields[i]), out var value), fields[i]);
            Assert.Equal(i, value);
            Assert.Equal(fields[i], LogKey.From(System.Text.Encoding.UTF8.GetBytes(fields[i])).ToString());
        }

        Assert.NotEqual(LogKey.From("ab"), LogKey.From("ab\0"));
        Assert.NotEqual(LogKey.From("a"), default);
    }

    private sealed class OneHash : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string obj) => 7;
    }
}
