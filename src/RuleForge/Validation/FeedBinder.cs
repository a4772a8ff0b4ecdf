using RuleForge.Diagnostics;
using RuleForge.Loading;
using RuleForge.Model;

namespace RuleForge.Validation;

/// <summary>Binds the 'feeds' list and senders' selections from it.</summary>
internal static class FeedBinder
{
    /// <summary>Shapes RuleForge reads.</summary>
    internal static readonly string[] Shapes = ["generic", "aws", "m365", "text"];

    public static List<FeedDefinition> Bind(SyntaxNode node, ValueReader values, string policyDirectory)
    {
        var result = new List<FeedDefinition>();
        foreach (var item in values.List(node, "feeds", allowScalar: false))
        {
            var m = MappingReader.Open(
                item, values.Diagnostics, "a feed", "id", "file", "shape", "items", "cidr_field");
            if (m is null)
            {
                continue;
            }

            var id = m.Required("id") is { } i ? PolicyBinder.ReadId(values, i, "feed id") : null;
            var file = m.Required("file") is { } f ? values.Text(f, "file") : null;
            var shape = m.Optional("shape") is { } s
                ? values.Choice(s, "shape", Shapes.Select(x => (x, x)).ToArray())
                : "generic";
            var items = m.Optional("items") is { } it ? values.Text(it, "items") : null;
            var cidr = m.Optional("cidr_field") is { } cf ? values.Text(cf, "cidr_field") : null;
            if (shape == "generic" && (items is null || cidr is null))
            {
                if (items is null)
                {
                    m.Required("items");
                }

                if (cidr is null)
                {
                    m.Required("cidr_field");
                }

                continue;
            }

            if (id is null || file is null || shape is null)
            {
                continue;
            }

            if (result.Find(x => x.Id == id) is { } earlier)
            {
                values.Diagnostics.Report(Messages.DuplicateId, m.Location, id, earlier.Location.Line, "feed");
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(policyDirectory, file));
            result.Add(new FeedDefinition(id, file, full, shape, items, cidr, m.Location));
        }

        return result;
    }

    public static FeedSelection? BindSelection(SyntaxNode node, ValueReader values, IReadOnlyList<FeedDefinition> feeds)
    {
        var m = MappingReader.Open(node, values.Diagnostics, "a feed selection", "feed", "where");
        if (m is null)
        {
            return null;
        }

        var feedId = m.Required("feed") is { } f ? values.Scalar(f, "feed") : null;
        if (feedId is not null && feeds.All(x => x.Id != feedId.Value))
        {
            values.Diagnostics.Report(Messages.UnknownFeed, feedId.Location, feedId.Value,
                feeds.Count == 0
                    ? "Declare the feed under 'feeds'."
                    : NameSuggester.Hint(feedId.Value, feeds.Select(x => x.Id).ToList()));
            return null;
        }

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
                    && MappingReader.Open(nm, values.Diagnostics, "a condition", "not") is { } not
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

        return feedId is null ? null : new FeedSelection(feedId.Value, conditions, m.Location);
    }
}
