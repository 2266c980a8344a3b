using ScottPlot;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>
/// What every chart shares: the house look, the fonts, and saving as PNG. Text is drawn in a plain
/// sans-serif; each piece of text that holds Chinese (tick labels, title, legend, cell values) in the
/// Chinese-capable font of <see cref="ChartFonts"/>. Not the Chinese font throughout: its tall line
/// metrics make the plotting library clip legends and axis titles. The plotting library keeps its
/// default font in a static, so charts are drawn one at a time.
/// </summary>
internal static class ChartCanvas
{
    public const float TitleSize = 20;
    public const float LabelSize = 16;
    public const float TickSize = 14;

    private static readonly Lock Gate = new();

    /// <summary>Builds a chart with <paramref name="build"/> and saves it as a PNG at <paramref name="path"/> (any extension: staged report paths end in <c>.tmp</c>).</summary>
    /// <param name="path">The file to write; null draws and encodes the chart without keeping it (<see cref="AnalysisCharts.PrepareInBackground"/>).</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="build">Adds the chart's content to the plot; set tick labels with <see cref="Ticks"/>.</param>
    public static void Draw(string? path, string title, int width, int height, Action<Plot> build)
    {
        lock (Gate)
        {
            if (ChartFonts.Plain is { } plain)
            {
                Fonts.Default = plain;
            }

            var plot = new Plot();
            plot.Title(title, TitleSize);
            plot.Axes.Title.Label.FontName = FontFor(title) ?? plot.Axes.Title.Label.FontName;
            plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
            plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
            plot.Axes.Bottom.Label.FontSize = LabelSize;
            plot.Axes.Left.Label.FontSize = LabelSize;
            plot.Legend.FontSize = TickSize;
            build(plot);

            foreach (var text in plot.GetPlottables().OfType<ScottPlot.Plottables.Text>())
            {
                text.LabelFontName = FontFor(text.LabelText) ?? text.LabelFontName;
            }

            foreach (var axis in plot.Axes.GetAxes())
            {
                axis.Label.FontName = FontFor(axis.Label.Text) ?? axis.Label.FontName;
            }

            var legend = plot.GetPlottables().SelectMany(p => p.LegendItems).Where(i => !string.IsNullOrEmpty(i.LabelText)).ToList();
            if (legend.Select(i => FontFor(i.LabelText)).FirstOrDefault(f => f is not null) is { } legendFont)
            {
                plot.Legend.FontName = legendFont;
                RoomAboveFirstLegendRow(plot, legend);
            }

            var png = plot.GetImageBytes(width, height, ImageFormat.Png);
            if (path is not null)
            {
                File.WriteAllBytes(path, png);
            }
        }
    }

    /// <summary>
    /// ScottPlot 5.1 draws the first legend label in the Chinese font above its row, where the legend's
    /// frame clips it (ScottPlot issue #5213). When the legend is of lines (scatter plots), its items
    /// are shown as manual items behind a small empty one, which gives the first label room.
    /// </summary>
    private static void RoomAboveFirstLegendRow(Plot plot, List<LegendItem> items)
    {
        var plottables = plot.GetPlottables().Where(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText))).ToList();
        if (!plottables.All(p => p is ScottPlot.Plottables.Scatter))
        {
            return;
        }

        foreach (var scatter in plottables.Cast<ScottPlot.Plottables.Scatter>())
        {
            scatter.LegendText = string.Empty;
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = " ", LabelFontSize = TickSize / 2 });
        plot.Legend.ManualItems.AddRange(items);
    }

    /// <summary>Sets an axis's tick labels, in the Chinese-capable font when any holds Chinese.</summary>
    public static void Ticks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        axis.SetTicks([.. positions], [.. labels]);
        if (labels.Select(FontFor).FirstOrDefault(f => f is not null) is { } family)
        {
            axis.TickLabelStyle.FontName = family;
        }
    }

    /// <summary>A label cut to <paramref name="length"/> characters, with an ellipsis when cut.</summary>
    public static string Shorten(string label, int length) => label.Length <= length ? label : label[..(length - 1)] + "…";

    /// <summary>The Chinese-capable family when <paramref name="text"/> holds Chinese (and one is installed), else null.</summary>
    private static string? FontFor(string? text) =>
        text is not null && text.Any(c => CharClass.IsHan(c)) ? ChartFonts.ChineseCapable : null;
}
