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
    /// Reads content in a shape (see <see cref="FeedShapes"/>); the generic shape needs
    /// <paramref name="itemsPath"/> and <paramref name="cidrField"/>. Throws
    /// <see cref="FeedReadException"/> when the content does not have the shape.
    /// </summary>
    public static FeedData Read(string shape, byte[] content, string? itemsPath = null, string? cidrField = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(content);

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
            return new FeedData(FeedShapes.Text, detected, TextFeedReader.Read(content));
        }

        using var doc = FeedJson.Parse(content);
        var root = doc.RootElement;
        var actual = detected ? FeedShapeDetector.Detect(root) : shape;
        var rows = actual switch
        {
            FeedShapes.Aws => AwsFeedReader.Read(root),
            FeedShapes.Google => GoogleFeedReader.Read(root),
            FeedShapes.M365 => M365FeedReader.Read(root),
            FeedShapes.CidrLists => CidrListsFeedReader.Read(root),
            FeedShapes.Oracle => OracleFeedReader.Read(root),
            FeedShapes.Atlassian => AtlassianFeedReader.Read(root),
            FeedShapes.Generic when itemsPath is not null && cidrField is not null =>
                GenericFeedReader.Read(root, itemsPath, cidrField),
            FeedShapes.Generic => throw new ArgumentException("the generic shape needs items and cidr_field"),
            _ => throw new ArgumentException($"unknown feed shape '{shape}'", nameof(shape)),
        };
        return new FeedData(actual, detected, rows);
    }

    private static int FirstBadByte(byte[] content)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(content, new char[content.Length], out var read, out _,
            replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? content.Length : read;
    }
}
