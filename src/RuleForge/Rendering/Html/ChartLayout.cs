using System.Globalization;
using Bar = (string Label, string ValueText,
    System.Collections.Generic.IReadOnlyList<(string Label, double From, double To, string Kind)> Segments);
using Marker = (string Label, double Value, string Kind);

namespace RuleForge.Rendering.Html;

/// <summary>
/// Lays out a horizontal bar chart: one linear score axis shared by every bar and marker, with 0
/// always on it, labels on the left and values at the bars' ends.
/// </summary>
public static class ChartLayout
{
    private const double Width = 730;
    private const double LabelRight = 290;
    private const double PlotLeft = 298;
    private const double PlotRight = 640;
    private const double MarkerLine = 14;
    private const double RowPitch = 26;
    private const double BarHeight = 16;

    /// <summary>Lays out the bars (segments given by score from/to) and the markers (by score).</summary>
    public static BarChart Lay(
        IReadOnlyList<Bar> bars, IReadOnlyList<Marker> markers,
        string description)
    {
        var values = bars.SelectMany(b => b.Segments).SelectMany(s => new[] { s.From, s.To })
            .Concat(markers.Select(m => m.Value))
            .Append(0)
            .ToList();
        var lo = values.Min();
        var hi = values.Max();
        if (hi - lo < 1e-9)
        {
            hi = lo + 1;
        }

        double X(double score) => PlotLeft + ((score - lo) / (hi - lo) * (PlotRight - PlotLeft));

        var plotTop = 8 + (MarkerLine * markers.Count) + 4;
        var laidMarkers = markers
            .Select((m, i) => new ChartMarker(m.Label, N(X(m.Value)), N(8 + (MarkerLine * (i + 1)) - 3), m.Kind))
            .ToList();
        var laidBars = new List<ChartBar>();
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, valueText, segments) = bars[i];
            var y = plotTop + 6 + (RowPitch * i);
            var laidSegments = segments
                .Select(s => new ChartSegment(
                    s.Label,
                    N(X(Math.Min(s.From, s.To))),
                    N(Math.Max(1, Math.Abs(X(s.To) - X(s.From)))),
                    s.Kind))
                .ToList();
            var end = segments.Select(s => Math.Max(s.From, s.To)).Append(0).Max();
            var textY = N(y + BarHeight - 4);
            laidBars.Add(new ChartBar(label, valueText, N(y), textY, N(X(end) + 5), laidSegments));
        }

        var plotBottom = plotTop + 6 + (RowPitch * bars.Count);
        return new BarChart(
            N(Width), N(plotBottom + 8), N(X(0)), N(LabelRight), N(BarHeight), N(plotTop), N(plotBottom),
            laidBars, laidMarkers, description);
    }

    private static string N(double value) =>
        Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
