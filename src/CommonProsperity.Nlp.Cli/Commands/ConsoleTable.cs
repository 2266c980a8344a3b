using Spectre.Console;
using Spectre.Console.Rendering;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// A table printed to fit the terminal: columns keep their order, long cells wrap within the width
/// (Spectre.Console measures Chinese characters as two columns), and the full table is always in the
/// CSV the command wrote. The width is the terminal's, else <c>COLUMNS</c>, else <see cref="DefaultWidth"/>.
/// </summary>
internal static class ConsoleTable
{
    /// <summary>The width when output goes to a file, a pipe or a test.</summary>
    public const int DefaultWidth = 100;

    /// <summary>Prints a table with <paramref name="headers"/> and <paramref name="rows"/>; columns named in <paramref name="numeric"/> are right-aligned.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? numeric = null, string indent = "  ")
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().Border(TableBorder.Simple);
        for (var c = 0; c < headers.Count; c++)
        {
            var column = new TableColumn(new Spectre.Console.Text(headers[c])).Padding(0, 0, 2, 0);
            table.AddColumn(numeric?.Contains(c) == true ? column.RightAligned() : column);
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Spectre.Console.Text(cell)).ToArray());
        }

        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(text),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(40, Width(writer) - indent.Length);
        console.Write(table);
        foreach (var line in text.ToString().Split('\n'))
        {
            var trimmed = line.TrimEnd('\r', ' ');
            if (trimmed.Length > 0)
            {
                writer.WriteLine(indent + trimmed);
            }
        }
    }

    /// <summary>The width to fit: the terminal's when <paramref name="writer"/> is the console and not redirected, else <c>COLUMNS</c>, else <see cref="DefaultWidth"/>.</summary>
    public static int Width(TextWriter writer)
    {
        if (!ReferenceEquals(writer, Console.Out))
        {
            return DefaultWidth;
        }

        if (!Console.IsOutputRedirected)
        {
            try
            {
                if (Console.WindowWidth > 0)
                {
                    return Console.WindowWidth;
                }
            }
            catch (IOException)
            {
                // No terminal after all: fall through.
            }
        }

        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : DefaultWidth;
    }
}
