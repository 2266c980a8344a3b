using ScottPlot;

namespace CommonProsperity.Nlp.Reporting.Charts;

/// <summary>What every chart shares: a plot with the house look, fonts chosen per label (<see cref="ChartFonts"/>), saved as PNG.</summary>
internal static class ChartCanvas
{
    public const float TitleSize = 20;
    public const float LabelSize = 16;
    public const float TickSize = 14;

    /// <summary>A new plot with a title.</summary>
    public static Plot Create(string title)
    {
        var plot = new Plot();
        if (ChartFonts.Plain is { } plain)
        {
            plot.Font.Set(plain);
        }

        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.FontName = ChartFonts.For([title]) ?? plot.Axes.Title.Label.FontName;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Bottom.Label.FontSize = LabelSize;
        plot.Axes.Left.Label.FontSize = LabelSize;
        plot.Legend.FontSize = TickSize;
        return plot;
    }

    /// <summary>Sets an axis's tick labels, in a font that can draw them.</summary>
    public static void Ticks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        axis.SetTicks([.. positions], [.. labels]);
        if (ChartFonts.For(labels) is { } family)
        {
            axis.TickLabelStyle.FontName = family;
        }
    }

    /// <summary>Renders <paramref name="plot"/> as a PNG of the given size to <paramref name="path"/> (any extension: staged report paths end in <c>.tmp</c>).</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        foreach (var text in plot.GetPlottables().OfType<ScottPlot.Plottables.Text>())
        {
            text.LabelFontName = ChartFonts.For([text.LabelText]) ?? text.LabelFontName;
        }

        plot.Legend.FontName = ChartFonts.For(plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText)) ?? plot.Legend.FontName;
        File.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }

    /// <summary>A label cut to <paramref name="length"/> characters, with an ellipsis when cut.</summary>
    public static string Shorten(string label, int length) => label.Length <= length ? label : label[..(length - 1)] + "…";
}
