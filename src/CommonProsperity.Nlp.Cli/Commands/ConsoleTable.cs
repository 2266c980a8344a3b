using Spectre.Console;
using Spectre.Console.Rendering;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// A table printed to fit the terminal: columns keep their order, long cells wrap within the width
/// (Spectre.Console measures Chinese characters as two columns), and the full table is always in the
/// CSV the command wrote. The width is <see cref="ConsoleWidth.Of"/>'s.
/// </summary>
internal static class ConsoleTable
{
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
        console.Profile.Width = Math.Max(ConsoleWidth.Minimum, ConsoleWidth.Of(writer) - indent.Length);
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
}
