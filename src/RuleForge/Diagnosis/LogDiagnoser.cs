using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using RuleForge.Diagnostics;
using RuleForge.Planning;

namespace RuleForge.Diagnosis;

/// <summary>
/// Reads mail logs against a planned policy: every input is opened first, so an unreadable one
/// stops the run before any report; then each is streamed through one <see cref="LogScanner"/>.
/// </summary>
public static class LogDiagnoser
{
    /// <summary>
    /// Compiles the log scan's hot methods (those marked for optimization at once) on a pool thread,
    /// so the compiling overlaps the policy's loading instead of the first megabytes of the log. Safe
    /// to skip or to call more than once; the returned task completes when the compiling is done.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
        "Compiles what the assembly has; a native build has nothing to compile and returns at once.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification =
        "Compiles what the assembly has; a native build has nothing to compile and returns at once.")]
    public static Task WarmUp() => !RuntimeFeature.IsDynamicCodeSupported ? Task.CompletedTask : Task.Run(() =>
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;
        Type[] generic =
        [
            typeof(BoundedCache<LogKey, LogKey>), typeof(BoundedCache<LogKey, PendingRank>),
            typeof(BoundedCache<LogKey, (double, double)>), typeof(BoundedCache<LogKey, List<(string, string)>>),
            typeof(BoundedCache<string, Explanation.Explanation>),
        ];
        var types = typeof(LogDiagnoser).Assembly.GetTypes().Where(t => !t.ContainsGenericParameters).Concat(generic);
        foreach (var method in types.SelectMany(t => t.GetMethods(All)))
        {
            if ((method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0
                && !method.ContainsGenericParameters)
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }

        var sink = typeof(LineParser).GetNestedType("Sink", BindingFlags.NonPublic)!;
        RuntimeHelpers.PrepareMethod(typeof(LogLineReader).GetMethod(nameof(LogLineReader.Lines))!
            .MakeGenericMethod(sink).MethodHandle);
    });

    /// <summary>Reads the inputs in order and reports, or returns the errors that stopped it.</summary>
    public static DiagnosisResult Diagnose(BuildPlan plan, IReadOnlyList<LogInput> inputs) =>
        Diagnose(plan, inputs, Environment.ProcessorCount);

    /// <summary>As <see cref="Diagnose(BuildPlan, IReadOnlyList{LogInput})"/>, parsing on at most
    /// <paramref name="processors"/> threads (1: everything on this thread).</summary>
    internal static DiagnosisResult Diagnose(BuildPlan plan, IReadOnlyList<LogInput> inputs, int processors)
    {
        var opened = new List<(LogInput Input, Stream Stream)>();
        var errors = new List<Diagnostic>();
        try
        {
            foreach (var input in inputs)
            {
                try
                {
                    opened.Add((input, input.Open()));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    errors.Add(Messages.LogUnreadable.At(SourceLocation.OfFile(input.DisplayName), input.DisplayName,
                        e.Message));
                }
            }

            return errors.Count > 0 ? new DiagnosisResult(null, errors) : Scan(plan, opened, processors);
        }
        finally
        {
            foreach (var (_, stream) in opened)
            {
                stream.Dispose();
            }
        }
    }

    private static DiagnosisResult Scan(
        BuildPlan plan, List<(LogInput Input, Stream Stream)> opened, int processors)
    {
        var collector = new DiagnosisCollector(plan);
        var parser = new LineParser(new BlocklistNames(plan), plan.Postfix?.Postscreen?.Threshold);
        var scanner = new LogScanner(collector);
        foreach (var (input, stream) in opened)
        {
            scanner.BeginFile(input.DisplayName);
            try
            {
                using var text = LogLineReader.Open(stream);
                ScanBlocks(text, parser, scanner, processors);
            }
            catch (InvalidDataException e)
            {
                return Failed(Messages.LogBadGzip.At(SourceLocation.OfFile(input.DisplayName), input.DisplayName,
                    e.Message));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Failed(Messages.LogUnreadable.At(SourceLocation.OfFile(input.DisplayName), input.DisplayName,
                    e.Message));
            }
        }

        return new DiagnosisResult(collector.Report(scanner.Lines, scanner.Events, scanner.Skipped), []);
    }

    /// <summary>
    /// Reads blocks on a thread of its own (decompressing, when the log is gzip), parses them on the
    /// thread pool and applies the parsed blocks to the scanner on this thread, in the order they
    /// were read: the result is the same as parsing line by line, whatever the number of processors.
    /// At most a few blocks are in flight, so memory stays bounded. A read error stops the run after
    /// the blocks read before it are applied, with the exception reading on this thread would give.
    /// </summary>
    private static void ScanBlocks(Stream text, LineParser parser, LogScanner scanner, int processors)
    {
        var pool = new BlockPool();
        var free = new ConcurrentStack<ScanBlock>();
        if (processors <= 1)
        {
            foreach (var block in LogLineReader.Blocks(text, pool))
            {
                Apply(scanner, parser.Parse(block, free.TryPop(out var into) ? into : new ScanBlock()), free, pool);
            }

            return;
        }

        // Note: with the reading on its own thread, this one only applies; four blocks in flight per
        // processor keep both busy (1 GB: 1.07 s with two per processor, 0.85 s with four, native
        // build on two cores). Each holds a 1 MiB buffer and an item list of about as much; 16 at
        // most keeps a many-core host within some 40 MB of them.
        using var parsed = new BlockingCollection<Task<ScanBlock>>(Math.Clamp(processors * 4, 4, 16));
        using var stop = new CancellationTokenSource();
        var reader = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var block in LogLineReader.Blocks(text, pool))
                    {
                        var into = free.TryPop(out var reused) ? reused : new ScanBlock();
                        parsed.Add(Task.Run(() => parser.Parse(block, into)), stop.Token);
                    }
                }
                finally
                {
                    parsed.CompleteAdding();
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var task in parsed.GetConsumingEnumerable())
            {
                Apply(scanner, task.GetAwaiter().GetResult(), free, pool);
            }

            reader.GetAwaiter().GetResult();
        }
        finally
        {
            // Note: when the run stops early the reader is stopped, and it and every block still being
            // parsed are waited for, so nothing outlives the run; their results are dropped with it.
            stop.Cancel();
            Wait(reader);
            while (parsed.TryTake(out var task))
            {
                Wait(task);
            }
        }
    }

    private static void Wait(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The exception that stopped the run, if any, is already on its way up.
        }
    }

    /// <summary>Applies a parsed block, then hands its buffer and item list back for reuse.</summary>
    private static void Apply(LogScanner scanner, ScanBlock block, ConcurrentStack<ScanBlock> free, BlockPool pool)
    {
        scanner.Apply(block);
        if (block.Source is { } source)
        {
            pool.Return(source.Buffer);
        }

        block.Clear();
        free.Push(block);
    }

    private static DiagnosisResult Failed(Diagnostic error) => new(null, [error]);
}
