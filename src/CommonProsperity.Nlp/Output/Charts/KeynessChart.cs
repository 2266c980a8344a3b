using ScottPlot;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>
/// The key words of a comparison as horizontal bars of signed G²: to the right the words a group uses more,
/// to the left those it uses less (with two groups: those the other group uses more), strongest at the top.
/// </summary>
internal static class KeynessChart
{
    /// <summary>Draws the bars to a PNG at <paramref name="path"/>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="over">The over-represented words and their G², strongest first.</param>
    /// <param name="under">The under-represented words and their G², strongest first.</param>
    /// <param name="overLabel">The legend of the right-hand bars (for example "more in en").</param>
    /// <param name="underLabel">The legend of the left-hand bars.</param>
    public static void Write(string path, string title, IReadOnlyList<(string Term, double G2)> over, IReadOnlyList<(string Term, double G2)> under, string overLabel, string underLabel)
    {
        ArgumentNullException.ThrowIfNull(over);
        ArgumentNullException.ThrowIfNull(under);
        const string Axis = "G² (log-likelihood); negative: used less";
        var rows = over.Select(t => (Term: ChartCanvas.Shorten(t.Term, 30), Value: t.G2)).Concat(under.Select(t => (Term: ChartCanvas.Shorten(t.Term, 30), Value: -t.G2))).ToList();
        var count = rows.Count;
        ChartCanvas.Draw(path, title, 1100, Math.Clamp(220 + 30 * count, 500, 3000), plot =>
        {
            var palette = new ScottPlot.Palettes.Category10();

            // Over words from the top down, then under words, strongest first in each block.
            AddBlock(plot, rows.Take(over.Count).ToList(), 0, count, palette.GetColor(0), overLabel);
            AddBlock(plot, rows.Skip(over.Count).ToList(), over.Count, count, palette.GetColor(3), underLabel);
            ChartCanvas.Ticks(plot.Axes.Left, Enumerable.Range(0, count).Select(i => (double)(count - 1 - i)).ToList(), rows.Select(r => r.Term).ToList());
            plot.Axes.Bottom.Label.Text = Axis;
            plot.Add.VerticalLine(0, 1, Colors.Black);
            plot.ShowLegend(Alignment.LowerRight);
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        });
    }

    private static void AddBlock(Plot plot, List<(string Term, double Value)> rows, int offset, int count, Color color, string legend)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var bars = rows.Select((r, i) => new Bar
        {
            Position = count - 1 - (offset + i),
            Value = r.Value,
            Size = 0.8,
            FillColor = color,
            LineWidth = 0,
            Orientation = Orientation.Horizontal,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.LegendText = legend;
    }
}
