using System.Globalization;
using ScottPlot;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>Lines with markers over time (one per series), periods placed at their dates so that gaps show, with a legend.</summary>
internal static class LineChart
{
    /// <summary>Draws the lines to a PNG at <paramref name="path"/>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="periods">The periods: <c>yyyy</c> or <c>yyyy-MM</c>, in time order.</param>
    /// <param name="series">Each series' name and its value per period.</param>
    /// <param name="valueLabel">What the values measure.</param>
    /// <param name="relative">Draw each series as a share of its own maximum (0 to 1), its maximum in the legend, so that small series show beside large ones.</param>
    /// <param name="seriesNoun">What a series is (<c>theme</c>, <c>term</c>), for the axis label of the relative scale.</param>
    public static void Write(string path, string title, IReadOnlyList<string> periods, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string valueLabel, bool relative = false, string seriesNoun = "theme")
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(series);
        if (relative)
        {
            series = [.. series.Select(s => RelativeScale.Of(s.Name, s.Values))];
            valueLabel = RelativeScale.Label(seriesNoun, valueLabel);
        }

        ChartCanvas.Draw(path, title, 1400, 700, plot =>
        {
            var xs = periods.Select(Position).ToArray();
            var palette = new ScottPlot.Palettes.Category10();
            MarkerShape[] markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];
            var runs = Runs(periods);
            for (var s = 0; s < series.Count; s++)
            {
                // One line per run of consecutive periods: a missing year (or month) leaves a gap, never a straight line across it.
                foreach (var (start, count) in runs)
                {
                    var line = plot.Add.Scatter(xs.AsSpan(start, count).ToArray(), series[s].Values.Skip(start).Take(count).ToArray());
                    line.LegendText = start == 0 ? series[s].Name : string.Empty;
                    line.Color = palette.GetColor(s);
                    line.LineWidth = periods.Count > 100 ? 1.5f : 2.5f;
                    line.MarkerSize = periods.Count > 100 ? 4 : periods.Count > 40 ? 6 : 9;
                    line.MarkerShape = markers[s % markers.Length];
                }
            }

            // A tick per period, unless labels would overprint: periods are placed at their dates, so years far apart leave room and months bunch.
            var ticks = Ticks(xs, (periods.Select(p => p.Length).DefaultIfEmpty(4).Max() * TickCharacterPixels) + TickGapPixels, DataAreaPixels);
            ChartCanvas.Ticks(plot.Axes.Bottom, ticks.Select(i => xs[i]).ToList(), ticks.Select(i => periods[i]).ToList());
            plot.Axes.Bottom.TickLabelStyle.OffsetY = 4;
            plot.Axes.Left.Label.Text = valueLabel;
            plot.Axes.Margins(left: 0.04, right: 0.04, bottom: 0, top: 0.08);
            plot.ShowLegend(Edge.Right);
        });
    }

    /// <summary>The width of the plot's data area in pixels, about (the chart is 1400 wide, with the axis and legend beside it).</summary>
    private const double DataAreaPixels = 1100;

    /// <summary>The width of a digit of a tick label in pixels, about (at <see cref="ChartCanvas.TickSize"/>).</summary>
    private const double TickCharacterPixels = 8.5;

    /// <summary>The least space between two tick labels, in pixels.</summary>
    private const double TickGapPixels = 12;

    /// <summary>
    /// The indexes of the positions <paramref name="xs"/> (ascending) to label so that labels of
    /// <paramref name="labelPixels"/> do not overprint on an axis <paramref name="axisPixels"/> wide: from
    /// the first on, each position far enough from the last one labelled (so every one, when all are).
    /// </summary>
    internal static IReadOnlyList<int> Ticks(IReadOnlyList<double> xs, double labelPixels, double axisPixels)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Count == 0)
        {
            return [];
        }

        var gap = (xs[^1] - xs[0]) * labelPixels / axisPixels;
        var ticks = new List<int> { 0 };
        for (var i = 1; i < xs.Count; i++)
        {
            if (xs[i] - xs[ticks[^1]] >= gap)
            {
                ticks.Add(i);
            }
        }

        return ticks;
    }

    /// <summary>The runs of consecutive periods (start index, length): a new run starts after a missing year or month.</summary>
    internal static IReadOnlyList<(int Start, int Count)> Runs(IReadOnlyList<string> periods)
    {
        var runs = new List<(int Start, int Count)>();
        var start = 0;
        for (var i = 1; i <= periods.Count; i++)
        {
            if (i == periods.Count || Index(periods[i]) != Index(periods[i - 1]) + 1)
            {
                runs.Add((start, i - start));
                start = i;
            }
        }

        return runs;
    }

    /// <summary>A period's place in its sequence: the year for <c>yyyy</c>, months since year 0 for <c>yyyy-MM</c>.</summary>
    private static int Index(string period) =>
        period.Length >= 7
            ? (int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture) * 12) + int.Parse(period.AsSpan(5, 2), CultureInfo.InvariantCulture) - 1
            : int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture);

    /// <summary>A period as a number of years: <c>2023</c> → 2023, <c>2023-07</c> → 2023.5.</summary>
    private static double Position(string period) =>
        int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture)
        + (period.Length >= 7 ? (int.Parse(period.AsSpan(5, 2), CultureInfo.InvariantCulture) - 1) / 12.0 : 0);
}
