using System.Diagnostics;
using System.Globalization;
using System.Text;
using RuleForge.Resolution;
using RuleForge.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RuleForge.Tests.Hostile;

/// <summary>
/// A generator-driven fuzz loop: random mutations of the example policies and of the feed
/// samples go through 'ruleforge build' (in-process) and every feed reader, for a bounded time
/// (RULEFORGE_FUZZ_SECONDS, default 10 each; RULEFORGE_FUZZ_SEED repeats a run). Exit 3, an
/// exception other than a feed-format error, or no answer within the hang guard fails the test
/// with the seed and the input (also saved next to the test binary).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ":", ": ", "- ", ",", "&a ", "*a", "!!str ", "!!binary ", "\"", "'", "\n", "\t", "#",
        "---\n", "...\n", "%YAML 1.1\n", "? ", "|\n", ">\n", "<<: ", "~", "null", "true", "-1", "0", "1e400",
        ".nan", "0x10", "0.0.0.0/0", "::/0", "10.0.0.0/8", "192.0.2.1/24", "/33", "127.255.255.254", "${X}", "$x",
        ";", "\u00e4", "\u202e", "\0", "\ufeff", "\r\n", new string('a', 300), "\\", "\\u0000", "\\ud800",
        "1.2.3.4.5", "::ffff:1.2.3.4", "2001:db8::/129", "v=spf1 +all",
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("RULEFORGE_FUZZ_SECONDS"),
        NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 10;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("RULEFORGE_FUZZ_SEED"),
        NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();

    [Fact]
    public void MutatedPolicies_NeverCrashOrHang()
    {
        var seeds = Directory.EnumerateFiles(RepoPaths.Rules, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllBytes(f))).ToList();
        CopyFolder(Path.Combine(RepoPaths.Rules, "feeds"), _temp["feeds"]);
        foreach (var lockfile in Directory.EnumerateFiles(RepoPaths.Rules, "*.lock.json"))
        {
            File.Copy(lockfile, _temp[Path.GetFileName(lockfile)]);
        }

        Loop("policy", seeds, (name, bytes, i) =>
        {
            var policy = _temp[name];
            File.WriteAllBytes(policy, bytes);
            var run = CliRunner.Run("build", policy, "--out", _temp[$"out-{i % 4}"], "--quiet");
            return run.ExitCode is 0 or 1 && !StackTraces.In(run.Stderr)
                ? null
                : $"exit {run.ExitCode}\n{run.Stderr}";
        });
    }

    [Fact]
    public void MutatedFeeds_AreReadOrRefused_NeverCrashOrHang()
    {
        var inputs = Path.Combine(RepoPaths.Root, "tests", "RuleForge.Tests", "Feeds", "Inputs");
        var seeds = Directory.EnumerateFiles(inputs)
            .Append(Path.Combine(RepoPaths.Rules, "feeds", "efax-egress.json"))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllBytes(f)))
            .ToList();
        string[] shapes = ["auto", "aws", "google", "m365", "github", "oracle", "atlassian", "text"];

        Loop("feed", seeds, (_, bytes, i) =>
        {
            var shape = shapes[i % shapes.Length];
            try
            {
                FeedReader.Read(shape, bytes);
                FeedReader.Read("generic", bytes, "egress", "prefixes");
                return null;
            }
            catch (FeedReadException)
            {
                return null;
            }
            catch (Exception e)
            {
                return $"shape {shape}: {e}";
            }
        });
    }

    private void Loop(string what, List<(string Name, byte[] Text)> seeds, Func<string, byte[], int, string?> run)
    {
        var seed = Seed;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var tried = 0;
        output.WriteLine($"fuzz {what}: seed {seed} (RULEFORGE_FUZZ_SEED), {Seconds} s (RULEFORGE_FUZZ_SECONDS)");
        while (clock.Elapsed < TimeSpan.FromSeconds(Seconds))
        {
            var (name, original) = seeds[random.Next(seeds.Count)];
            var input = Mutate(original, random);
            var task = Task.Run(() => run(name, input, tried));
            var problem = task.Wait(HangGuard) ? task.Result : $"no answer within {HangGuard.TotalSeconds} s";
            tried++;
            if (problem is not null)
            {
                var saved = Path.Combine(AppContext.BaseDirectory, $"fuzz-{what}-{seed}-{tried}.bin");
                File.WriteAllBytes(saved, input);
                Assert.Fail($"fuzz {what}, seed {seed}, input {tried} (from {name}, saved as {saved}):\n{problem}\n" +
                    $"--- input\n{Encoding.UTF8.GetString(input[..Math.Min(input.Length, 4000)])}");
            }
        }

        output.WriteLine($"fuzz {what}: {tried} inputs tried, none crashed or hung");
        Assert.True(tried > 0);
    }

    // One to eight edits: insert a token, flip a byte, delete, duplicate or move a slice, cut the end.
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var edits = random.Next(1, 9); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            var length = Math.Min(bytes.Count - at, random.Next(1, 64));
            switch (random.Next(6))
            {
                case 0:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(at, length);
                    break;
                case 3:
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 4:
                    var slice = bytes.GetRange(at, length);
                    bytes.RemoveRange(at, length);
                    bytes.InsertRange(random.Next(bytes.Count + 1), slice);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
