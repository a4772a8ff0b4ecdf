using RuleForge.Diagnostics;
using RuleForge.Loading;
using RuleForge.Model;
using RuleForge.Resolution.Feeds;
using RuleForge.Validation.Shapes;

namespace RuleForge.Validation;

/// <summary>Binds the 'feeds' list and senders' selections from it.</summary>
internal static class FeedBinder
{
    /// <summary>Shapes RuleForge reads.</summary>
    internal static readonly string[] Shapes = [.. FeedShapes.All];

    public static List<FeedDefinition> Bind(SyntaxNode node, ValueReader values, string policyDirectory)
    {
        var result = new List<FeedDefinition>();
        foreach (var item in values.List(node, "feeds", allowScalar: false))
        {
            var m = MappingReader.Open(item, values.Diagnostics, PolicyShape.Feed);
            if (m is null)
            {
                continue;
            }

            var id = m.Required("id") is { } i ? PolicyBinder.ReadId(values, i, "feed id") : null;
            var (file, url) = Source(m, values, id ?? "?");
            var items = m.Optional("items") is { } it ? values.Text(it, "items") : null;
            var cidr = m.Optional("cidr_field") is { } cf ? values.Text(cf, "cidr_field") : null;

            // Note: without 'shape', 'items' or 'cidr_field' mean a generic feed; otherwise the
            // built-in shape is recognised from the content when the feed is read.
            var generic = m.Optional("items") is not null || m.Optional("cidr_field") is not null;
            var shape = m.Optional("shape") is { } s
                ? values.Choice(s, "shape", Shapes.Select(x => (x, x)).ToArray())
                : generic ? FeedShapes.Generic : FeedShapes.Auto;
            if (shape == FeedShapes.Generic && (items is null || cidr is null))
            {
                ReportMissing(m, items, cidr);
                continue;
            }

            if (shape is not null && shape != FeedShapes.Generic)
            {
                // Note: the feed is still declared so that its selections raise no second error.
                ReportUnused(m, values, id ?? "?", shape);
            }

            if (id is null || shape is null)
            {
                continue;
            }

            // Note: a feed whose source was refused (and reported) is still declared, so that its
            // selections raise no second error; the policy does not validate either way.
            file ??= "";

            if (result.Find(x => x.Id == id) is { } earlier)
            {
                values.Diagnostics.Report(Messages.DuplicateId, m.Location, id, earlier.Location.Line, "feed");
                continue;
            }

            var full = url is null ? Path.GetFullPath(Path.Combine(policyDirectory, file)) : url.AbsoluteUri;
            result.Add(new FeedDefinition(id, file, full, shape, items, cidr, m.Location) { Url = url });
        }

        return result;
    }

    // Exactly one of 'file' (a path) and 'url' (https, or http on loopback); returns the text as
    // written and, for a URL, the parsed URL. The text is null when the source is missing or bad.
    private static (string? Text, Uri? Url) Source(MappingReader m, ValueReader values, string id)
    {
        var fileNode = m.Optional("file");
        var urlNode = m.Optional("url");
        if ((fileNode is null) == (urlNode is null))
        {
            values.Diagnostics.Report(Messages.FeedSourceCount, (urlNode ?? fileNode)?.Location ?? m.Location, id);
            return (null, null);
        }

        if (fileNode is not null)
        {
            var file = values.Text(fileNode, "file");
            if (file is not null && FeedUrls.LooksLikeUrl(file))
            {
                values.Diagnostics.Report(Messages.FeedFileIsUrl, fileNode.Location, id, file);
                return (null, null);
            }

            return (file, null);
        }

        var text = values.Text(urlNode!, "url");
        if (text is null)
        {
            return (null, null);
        }

        if (FeedUrls.Parse(text) is not { } url)
        {
            values.Diagnostics.Report(Messages.FeedUrlInvalid, urlNode!.Location, id, text);
            return (null, null);
        }

        if (!FeedUrls.IsAllowed(url))
        {
            values.Diagnostics.Report(Messages.FeedUrlInsecure, urlNode!.Location, id, text);
            return (null, null);
        }

        return (text, url);
    }

    /// <summary>
    /// Binds one <c>select</c> item: <c>feed</c>, <c>where</c>, and <c>except</c> (selections whose
    /// ranges are taken out; their <c>feed</c> defaults to the outer one).
    /// </summary>
    public static FeedSelection? BindSelection(SyntaxNode node, ValueReader values, IReadOnlyList<FeedDefinition> feeds)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.Selection);
        if (m is null)
        {
            return null;
        }

        var selection = BindPart(m, values, feeds, null, isExcept: false);
        var except = new List<FeedSelection>();
        if (m.Optional("except") is { } exceptNode)
        {
            foreach (var item in values.List(exceptNode, "except", allowScalar: false))
            {
                if (MappingReader.Open(item, values.Diagnostics, PolicyShape.ExceptSelection) is { } em
                    && BindPart(em, values, feeds, selection?.FeedId, isExcept: true) is { } part)
                {
                    except.Add(part);
                }
            }
        }

        return selection is null ? null : selection with { Except = except };
    }

    private static FeedSelection? BindPart(
        MappingReader m, ValueReader values, IReadOnlyList<FeedDefinition> feeds, string? defaultFeed, bool isExcept)
    {
        // Note: an 'except' without 'feed' under a selection that failed is not reported again.
        var feedNode = isExcept ? m.Optional("feed") : m.Required("feed");
        var feedId = feedNode is { } f ? values.Scalar(f, "feed") : null;
        if (feedId is not null && feeds.All(x => x.Id != feedId.Value))
        {
            values.Diagnostics.Report(Messages.UnknownFeed, feedId.Location, feedId.Value,
                feeds.Count == 0
                    ? "Declare the feed under 'feeds'."
                    : NameSuggester.Hint(feedId.Value, feeds.Select(x => x.Id).ToList()));
            return null;
        }

        var conditions = BindWhere(m, values);
        var id = feedId?.Value ?? (feedNode is null ? defaultFeed : null);
        return id is null ? null : new FeedSelection(id, conditions, m.Location);
    }

    private static List<FeedCondition> BindWhere(MappingReader m, ValueReader values)
    {
        var conditions = new List<FeedCondition>();
        if (m.Optional("where") is { } w && w is not MappingSyntax)
        {
            values.Diagnostics.Report(Messages.WrongType, w.Location, "where", "a mapping of field: value", w.KindName);
        }
        else if (m.Optional("where") is MappingSyntax where)
        {
            foreach (var entry in where.Entries)
            {
                var negated = false;
                var valueNode = entry.Value;
                if (valueNode is MappingSyntax nm
                    && MappingReader.Open(nm, values.Diagnostics, PolicyShape.Condition) is { } not
                    && not.Required("not") is { } inner)
                {
                    negated = true;
                    valueNode = inner;
                }
                else if (valueNode is MappingSyntax)
                {
                    continue;
                }

                var list = values.List(valueNode, $"where.{entry.Key.Value}")
                    .Select(x => values.Text(x, "a filter value")).OfType<string>().ToList();
                conditions.Add(new FeedCondition(entry.Key.Value, list, negated, entry.Key.Location));
            }
        }

        return conditions;
    }

    private static void ReportMissing(MappingReader m, string? items, string? cidr)
    {
        if (items is null)
        {
            m.Required("items");
        }

        if (cidr is null)
        {
            m.Required("cidr_field");
        }
    }

    // Reports the options only the generic reader uses, given with a built-in shape.
    private static void ReportUnused(MappingReader m, ValueReader values, string id, string shape)
    {
        foreach (var key in new[] { "items", "cidr_field" })
        {
            if (m.Optional(key) is { } node)
            {
                values.Diagnostics.Report(Messages.FeedShapeOptionUnused, node.Location, id, shape, key);
            }
        }
    }
}
