using System.Reflection;
using CommonProsperity.Nlp.Cli.Commands;
using CommonProsperity.Nlp.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli;

/// <summary>
/// The <c>cpnlp</c> command line: one command class per verb over the library, errors mapped to exit
/// codes (see <see cref="ExitCodes"/>), messages on standard error.
/// </summary>
public static class CpnlpApp
{
    /// <summary>The branches of commands (<c>cpnlp lexicon check</c>), with what their commands work with.</summary>
    private static readonly Dictionary<string, string> Branches = new(StringComparer.Ordinal)
    {
        ["evidence"] = "Work with the evidence of a merged run.",
        ["lexicon"] = "Work with theme lexicons.",
    };

    /// <summary>Runs the command line with <paramref name="args"/> and returns the exit code.</summary>
    public static int Run(string[] args, CancellationToken cancellationToken = default) =>
        Run(args, Console.Out, Console.Error, cancellationToken);

    /// <summary>Runs the command line, writing to the given streams (for in-process tests).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        CliStreams.Current = new CliStreams(output, error);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("cpnlp");
            config.SetApplicationVersion(ToolVersion.Current);
            config.ConfigureConsole(console);
            config.UseStrictParsing();
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetExceptionHandler((exception, _) => Report(exception, error));
            AddCommands(config);
        });
        return app.Run(args, cancellationToken);
    }

    /// <summary>
    /// Registers every command class that declares its words (<see cref="CommandWordsAttribute"/>), in their order,
    /// each with its description and examples; a branch's commands go under the branch, which stands where its first
    /// command does.
    /// </summary>
    private static void AddCommands(IConfigurator config)
    {
        var commands = typeof(CpnlpApp).Assembly.GetTypes()
            .Select(t => (Type: t, Words: t.GetCustomAttribute<CommandWordsAttribute>()))
            .Where(c => c.Words is not null)
            .OrderBy(c => c.Words!.Order)
            .ToList();
        foreach (var group in commands.GroupBy(c => c.Words!.Words.Split(' ')[0]))
        {
            if (!Branches.TryGetValue(group.Key, out var branch))
            {
                foreach (var (type, words) in group)
                {
                    Add(config, type, words!);
                }

                continue;
            }

            config.AddBranch(group.Key, commandsOfBranch =>
            {
                commandsOfBranch.SetDescription(branch);
                foreach (var (type, words) in group)
                {
                    Add(commandsOfBranch, type, words!);
                }
            });
        }
    }

    /// <summary>Registers one command, with its description and examples, each shown after the command's words.</summary>
    private static void Add(object configurator, Type type, CommandWordsAttribute words)
    {
        var path = words.Words.Split(' ');
        var add = configurator.GetType().GetInterfaces().Append(configurator.GetType())
            .Select(i => i.GetMethod(nameof(IConfigurator.AddCommand), [typeof(string)]))
            .First(m => m is not null && m.IsGenericMethodDefinition)!;
        var command = ((ICommandConfigurator)add.MakeGenericMethod(type).Invoke(configurator, [path[^1]])!).WithDescription(words.Description);
        foreach (var example in type.GetCustomAttributes<CommandExampleAttribute>())
        {
            command.WithExample([.. path, .. example.Arguments]);
        }
    }

    /// <summary>Prints what went wrong and returns the exit code: the one place exceptions become exit codes.</summary>
    internal static int Report(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case OutOfMemoryException or InsufficientMemoryException:
                // The limits keep every single input within a few GB; this is the machine, not a bug.
                error.WriteLine("error: the run ran out of memory. A file is analysed whole (up to 256 MiB, needing up to 30 bytes of memory per byte), "
                    + "and several are analysed at once: use fewer threads (--threads 1), split the largest files, use less --context, or run on a machine with more memory.");
                return ExitCodes.OutOfMemory;
            case CommonProsperityException known:
                error.WriteLine($"error: {OptionFlags.Describe(known)}");
                return known.ExitCode;
            case OperationCanceledException:
                error.WriteLine("cancelled: the reports already in the output folder were left as they were.");
                return ExitCodes.Cancelled;
            case CommandParseException or CommandRuntimeException:
                error.WriteLine($"error: {exception.Message} (run 'cpnlp --help' or 'cpnlp COMMAND --help' for usage)");
                return ExitCodes.Usage;
            case CommandAppException:
                error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Usage;
            case not null when OutputException.FromSystemError(exception) is { } output:
                error.WriteLine($"error: {OptionFlags.Describe(output)}");
                return output.ExitCode;
            default:
                error.WriteLine($"internal error: {exception}");
                error.WriteLine("This is a bug in cpnlp; please report it with the command you ran.");
                return ExitCodes.Internal;
        }
    }
}
