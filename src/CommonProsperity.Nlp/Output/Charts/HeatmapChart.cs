using System.Globalization;
using ScottPlot;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>A grid of values (rows × columns) as coloured cells with the value written in each, and a colour scale.</summary>
internal static class HeatmapChart
{
    /// <summary>Draws <paramref name="values"/> (rows × columns) to a PNG at <paramref name="path"/>.</summary>
    /// <param name="path">The file to write (null: drawn and not kept, see <see cref="ChartCanvas.Draw"/>).</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="rows">Row labels, top to bottom (long ones are shortened).</param>
    /// <param name="columns">Column labels, left to right (a line break starts a second line).</param>
    /// <param name="values">The values, indexed [row, column].</param>
    /// <param name="scale">What the colour scale measures (for example "hits per 1,000 tokens").</param>
    /// <param name="columnsLabel">What the columns are (for example "theme").</param>
    /// <param name="format">How values are written in the cells (a .NET number format, invariant culture).</param>
    public static void Write(string? path, string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, double[,] values, string scale, string columnsLabel, string format = "0.0")
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(0) != rows.Count || values.GetLength(1) != columns.Count)
        {
            throw new ArgumentException($"values are {values.GetLength(0)}×{values.GetLength(1)} but there are {rows.Count} rows and {columns.Count} columns.", nameof(values));
        }

        var rowLabels = rows.Select(r => ChartCanvas.Shorten(r, 48)).ToArray();
        var columnLabels = columns.Select(c => string.Join('\n', c.Split('\n').Select(line => ChartCanvas.Shorten(line, 24)))).ToArray();
        var width = Math.Clamp(560 + 165 * columns.Count, 800, 4000);
        var height = Math.Clamp(260 + 38 * rows.Count, 500, 4000);
        ChartCanvas.Draw(path, title, width, height, plot =>
        {
            var heatmap = plot.Add.Heatmap(values);
            heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
            var bar = plot.Add.ColorBar(heatmap);
            bar.Label = scale;
            bar.LabelStyle.FontSize = ChartCanvas.LabelSize;

            // A handful of ticks, whatever the height: a tick every few pixels overprinted the scale's title at 60 rows.
            bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TargetTickCount = 5 };
            bar.Axis.TickLabelStyle.FontSize = ChartCanvas.TickSize;

            var max = values.Cast<double>().DefaultIfEmpty(0).Max();
            var min = values.Cast<double>().DefaultIfEmpty(0).Min();
            for (var r = 0; r < rows.Count; r++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    // The heatmap draws row 0 at the top: row r sits at y = rows - 1 - r.
                    var value = values[r, c];
                    var text = plot.Add.Text(value.ToString(format, CultureInfo.InvariantCulture), c, rows.Count - 1 - r);
                    text.LabelFontSize = Math.Clamp(300f / Math.Max(columns.Count, rows.Count), 9f, 14f);
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontColor = max > min && (value - min) / (max - min) > 0.6 ? Colors.Black : Colors.White;
                }
            }

            ChartCanvas.Ticks(plot.Axes.Left, Enumerable.Range(0, rows.Count).Select(r => (double)(rows.Count - 1 - r)).ToList(), rowLabels);
            ChartCanvas.Ticks(plot.Axes.Bottom, Enumerable.Range(0, columns.Count).Select(c => (double)c).ToList(), columnLabels);
            plot.Axes.Bottom.TickLabelStyle.OffsetY = 4;
            plot.Axes.Bottom.Label.Text = columnsLabel;
            plot.Axes.SetLimits(-0.5, columns.Count - 0.5, -0.5, rows.Count - 0.5);
            plot.HideGrid();
        });
    }
}
