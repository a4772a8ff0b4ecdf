using RuleForge.Model;
using RuleForge.Resolution.Feeds;

namespace RuleForge.Resolution;

/// <summary>
/// Reads the feed shapes RuleForge knows into uniform <see cref="FeedRow"/>s. The shape is the one
/// named, or with <see cref="FeedShapes.Auto"/> the built-in shape the content has.
/// </summary>
public static class FeedReader
{
    /// <summary>Largest feed file accepted, in bytes.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads a feed file; throws <see cref="FeedReadException"/> on a bad shape.</summary>
    public static IReadOnlyList<FeedRow> Read(FeedDefinition feed, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return Read(feed.Shape, content, feed.ItemsPath, feed.CidrField).Rows;
    }

    /// <summary>
    /// Reads content in a shape (see <see cref="FeedShapes"/>) into a list of every row; the
    /// generic shape needs <paramref name="itemsPath"/> and <paramref name="cidrField"/>. Throws
    /// <see cref="FeedReadException"/> when the content does not have the shape. Resolution uses
    /// <see cref="FeedScan"/> instead, which keeps only the rows its filters select.
    /// </summary>
    public static FeedData Read(string shape, byte[] content, string? itemsPath = null, string? cidrField = null)
    {
        var rows = new List<FeedRow>();
        var (actual, detected) = ReadRows(shape, content, itemsPath, cidrField, rows.Add);
        return new FeedData(actual, detected, rows);
    }

    /// <summary>
    /// Reads content in a shape row by row, handing each row to <paramref name="row"/> as soon as
    /// it is read and holding none; returns the shape used and whether it was detected. Throws
    /// <see cref="FeedReadException"/> when the content does not have the shape, possibly after
    /// some rows were handed over.
    /// </summary>
    public static (string Shape, bool Detected) ReadRows(
        string shape, byte[] content, string? itemsPath, string? cidrField, Action<FeedRow> row)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(row);

        // Note: System.Text.Json checks UTF-8 only when a string is read, which would surface as
        // an exception deep in a reader; the whole file is checked first instead.
        if (System.Text.Unicode.Utf8.IsValid(content) is false)
        {
            throw new FeedReadException(
                $"the file is not valid UTF-8 (first bad byte at offset {FirstBadByte(content)})");
        }

        var detected = shape == FeedShapes.Auto;
        if (shape == FeedShapes.Text || (detected && FeedShapeDetector.IsText(content)))
        {
            Each(TextFeedReader.Read(content), row);
            return (FeedShapes.Text, detected);
        }

        var document = FeedJsonDocument.Open(content);
        var actual = detected ? FeedShapeDetector.Detect(document) : shape;
        var rows = actual switch
        {
            FeedShapes.Aws => AwsFeedReader.Read(document),
            FeedShapes.Google => GoogleFeedReader.Read(document),
            FeedShapes.M365 => M365FeedReader.Read(document),
            FeedShapes.CidrLists => CidrListsFeedReader.Read(document),
            FeedShapes.Oracle => OracleFeedReader.Read(document),
            FeedShapes.Atlassian => AtlassianFeedReader.Read(document),
            FeedShapes.Generic when itemsPath is not null && cidrField is not null =>
                GenericFeedReader.Read(document, itemsPath, cidrField),
            FeedShapes.Generic => throw new ArgumentException("the generic shape needs items and cidr_field"),
            _ => throw new ArgumentException($"unknown feed shape '{shape}'", nameof(shape)),
        };
        Each(rows, row);
        return (actual, detected);
    }

    private static void Each(IEnumerable<FeedRow> rows, Action<FeedRow> row)
    {
        foreach (var r in rows)
        {
            row(r);
        }
    }

    private static int FirstBadByte(byte[] content)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(content, new char[content.Length], out var read, out _,
            replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? content.Length : read;
    }
}
