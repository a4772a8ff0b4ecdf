using RuleForge.Diagnostics;
using RuleForge.Planning;

namespace RuleForge.Diagnosis;

/// <summary>
/// Reads mail logs against a planned policy: every input is opened first, so an unreadable one
/// stops the run before any report; then each is streamed through one <see cref="LogScanner"/>.
/// </summary>
public static class LogDiagnoser
{
    /// <summary>Reads the inputs in order and reports, or returns the errors that stopped it.</summary>
    public static DiagnosisResult Diagnose(BuildPlan plan, IReadOnlyList<LogInput> inputs)
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

            return errors.Count > 0 ? new DiagnosisResult(null, errors) : Scan(plan, opened);
        }
        finally
        {
            foreach (var (_, stream) in opened)
            {
                stream.Dispose();
            }
        }
    }

    private static DiagnosisResult Scan(BuildPlan plan, List<(LogInput Input, Stream Stream)> opened)
    {
        var collector = new DiagnosisCollector(plan);
        var scanner = new LogScanner(collector, new BlocklistNames(plan), plan.Postfix?.Postscreen?.Threshold);
        foreach (var (input, stream) in opened)
        {
            scanner.BeginFile(input.DisplayName);
            try
            {
                using var text = LogLineReader.Open(stream);
                LogLineReader.Read(text, scanner);
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

    private static DiagnosisResult Failed(Diagnostic error) => new(null, [error]);
}
