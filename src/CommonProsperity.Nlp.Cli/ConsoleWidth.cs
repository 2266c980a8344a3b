using System.Globalization;
using System.Text;
using Spectre.Console;

namespace CommonProsperity.Nlp.Cli;

/// <summary>
/// How many columns (terminal cells) the console has, so that tables and concordances fit it: one rule
/// for every command. <c>COLUMNS</c> first, when it is set (the user asked for that width, also when the
/// output goes to a file or a pipe); else the terminal window's width when the output goes to one; else
/// <see cref="Default"/>. Output that is not the process's console (a command run in-process, as the
/// tests do) is laid out at <see cref="Default"/>, so that it does not depend on the environment.
/// </summary>
internal static class ConsoleWidth
{
    /// <summary>The width when there is no terminal to ask (output to a file or a pipe) and COLUMNS is not set.</summary>
    public const int Default = 120;

    /// <summary>The narrowest width laid out; a smaller COLUMNS or window counts as this.</summary>
    public const int Minimum = 40;

    /// <summary>The width to fit when writing to <paramref name="writer"/>, by the rule above.</summary>
    public static int Of(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!ReferenceEquals(writer, Console.Out))
        {
            return Default;
        }

        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            return Math.Max(Minimum, columns);
        }

        try
        {
            if (!Console.IsOutputRedirected && Console.WindowWidth > 0)
            {
                return Math.Max(Minimum, Console.WindowWidth);
            }
        }
        catch (IOException)
        {
            // No console to ask.
        }

        return Default;
    }

    /// <summary><paramref name="text"/> padded with spaces to <paramref name="cells"/> terminal cells (a Chinese character takes two).</summary>
    public static string Pad(string text, int cells) => text + new string(' ', Math.Max(0, cells - text.GetCellWidth()));

    /// <summary>At most <paramref name="cells"/> cells of <paramref name="text"/>: its end (<paramref name="fromEnd"/>) or its start, never half a surrogate pair.</summary>
    public static string Clip(string text, int cells, bool fromEnd)
    {
        if (text.GetCellWidth() <= cells)
        {
            return text;
        }

        var runes = text.EnumerateRunes().ToList();
        if (fromEnd)
        {
            runes.Reverse();
        }

        var kept = new List<Rune>();
        var used = 0;
        foreach (var rune in runes)
        {
            var w = rune.ToString().GetCellWidth();
            if (used + w > cells)
            {
                break;
            }

            kept.Add(rune);
            used += w;
        }

        if (fromEnd)
        {
            kept.Reverse();
        }

        return string.Concat(kept.Select(r => r.ToString()));
    }
}
