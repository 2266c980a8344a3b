using ScottPlot;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>Vertical bars per category, side by side when there are several series (one per language, say), with a legend.</summary>
internal static class BarChart
{
    /// <summary>Draws the bars to a PNG at <paramref name="path"/>.</summary>
    /// <param name="path">The file to write (null: drawn and not kept, see <see cref="ChartCanvas.Draw"/>).</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="categories">The categories along the bottom.</param>
    /// <param name="series">Each series' name and its value per category.</param>
    /// <param name="valueLabel">What the values measure.</param>
    public static void Write(string? path, string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string valueLabel)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var width = Math.Clamp(300 + 175 * categories.Count, 800, 4000);
        ChartCanvas.Draw(path, title, width, 700, plot =>
        {
            var barWidth = 0.8 / Math.Max(1, series.Count);
            var palette = new ScottPlot.Palettes.Category10();
            for (var s = 0; s < series.Count; s++)
            {
                var color = series.Count == 1 ? Colors.SteelBlue : palette.GetColor(s);
                var bars = series[s].Values.Select((v, c) => new Bar
                {
                    Position = c - 0.4 + barWidth * (s + 0.5),
                    Value = v,
                    Size = barWidth * 0.92,
                    FillColor = color,
                    LineWidth = 0,
                }).ToList();
                var plottable = plot.Add.Bars(bars);
                if (series.Count > 1)
                {
                    plottable.LegendText = series[s].Name;
                }
            }

            ChartCanvas.Ticks(plot.Axes.Bottom, Enumerable.Range(0, categories.Count).Select(c => (double)c).ToList(), categories);
            plot.Axes.Bottom.TickLabelStyle.OffsetY = 4;
            plot.Axes.Left.Label.Text = valueLabel;
            plot.Axes.Margins(bottom: 0);
            plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
            if (series.Count > 1)
            {
                plot.ShowLegend(Alignment.UpperRight);
            }
        });
    }
}
