using RuleForge.Diagnosis;
using Xunit;

namespace RuleForge.Tests.Diagnosis;

public class BoundedCacheTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(16, 3)]
    public void RandomOperations_AgreeWithAPlainListOfEntries(int capacity, int seed)
    {
        var random = new Random(seed);
        var cache = new BoundedCache<string, int>(capacity, StringComparer.Ordinal);
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
}
