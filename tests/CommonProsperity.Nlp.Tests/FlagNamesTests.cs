using System.Reflection;
using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Cli.Commands;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Tests;

/// <summary>
/// Only the command line knows flags (docs/architecture.md, "Options and flags"): the library's messages
/// speak of an option's meaning (<see cref="OptionName"/>), and the CLI prints each as its flag
/// (<see cref="OptionFlags"/>).
/// </summary>
public sealed partial class FlagNamesTests
{
    /// <summary>
    /// Flags of other programs that library messages may name: each with the file that names it and why.
    /// </summary>
    private static readonly (string File, string Flag, string Why)[] Allowed =
    [
        ("Ingestion/DocumentSource.cs", "--notest", "convmv's flag, in the command that renames a GBK file name to UTF-8"),
        ("Output/ReportReference.cs", "--filter", "dotnet test's flag, in the generated docs' note on how to regenerate them"),
    ];

    /// <summary>
    /// Commands that library strings may name: each with the file that names it and why.
    /// </summary>
    private static readonly (string File, string Command, string Why)[] AllowedCommands =
    [
        ("Output/AnalysisReports.cs", "cpnlp evidence", "the column reference of docs/reports.md (generated from the declarations) tells the reader of evidence_parts.csv which command assembles it"),
        ("Output/EvidenceParts.cs", "cpnlp evidence", "the command a merged folder's manifest.json and report.html (files, not messages) give for writing its evidence.csv"),
    ];

    [Fact]
    public void LibrarySource_StringLiterals_NameNoCommandLineFlag()
    {
        var found = new List<string>();
        foreach (var (relative, line, text) in LibraryStrings())
        {
            foreach (Match flag in Flag().Matches(text))
            {
                if (!Allowed.Any(a => a.File == relative && a.Flag == flag.Value))
                {
                    found.Add($"{relative}:{line}: {flag.Value} in {text}");
                }
            }
        }

        Assert.True(found.Count == 0, "library messages name command-line flags; name the option by its meaning (OptionName, Wording.Of) and let the CLI print the flag (OptionFlags):\n" + string.Join('\n', found));
    }

    [Fact]
    public void LibrarySource_StringLiterals_NameNoCommand()
    {
        var found = new List<string>();
        foreach (var (relative, line, text) in LibraryStrings())
        {
            foreach (Match command in Command().Matches(text))
            {
                if (!AllowedCommands.Any(a => a.File == relative && command.Value.StartsWith(a.Command, StringComparison.Ordinal)) && IsCommand(command.Groups["word"].Value))
                {
                    found.Add($"{relative}:{line}: {command.Value} in {text}");
                }
            }
        }

        Assert.True(found.Count == 0, "library messages name cpnlp commands; name the job (JobName, Wording.Of) and let the CLI print the command (OptionFlags.Commands):\n" + string.Join('\n', found));
    }

    [Fact]
    public void OptionFlagsCommands_NameEveryJob_ByACommandTheCommandLineHas()
    {
        var jobs = typeof(JobName).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(JobName))
            .Select(p => (p.Name, Job: (JobName)p.GetValue(null)!))
            .ToList();

        Assert.NotEmpty(jobs);
        Assert.All(jobs, j =>
        {
            Assert.True(OptionFlags.Commands.TryGetValue(j.Job, out var command), $"JobName.{j.Name} has no command in OptionFlags.Commands");
            var words = command.Trim('\'').Split(' ');
            Assert.Equal("cpnlp", words[0]);
            Assert.True(CliRunner.Run([.. words[1..], "--help"]).ExitCode == 0, $"JobName.{j.Name}: {command} is not a command");
        });
    }

    [Fact]
    public void ModelException_NamesTheJob_ByItsApiInTheLibraryAndByItsCommandInTheCli()
    {
        var error = Assert.Throws<ModelException>(() => CommonProsperity.Nlp.Models.ThemeModel.Load("/no/such/model.zip"));

        Assert.Equal("/no/such/model.zip: the model file does not exist. Train one with TrainJob, or leave out the model file to use the built-in one.", error.Message);
        Assert.Equal("/no/such/model.zip: the model file does not exist. Train one with 'cpnlp train', or leave out --model to use the built-in one.", OptionFlags.Describe(error));
    }

    [Fact]
    public void OptionFlags_NameEveryOption_ByAFlagTheCommandLineDeclares()
    {
        var declared = typeof(OptionFlags).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(a => a.LongNames.Select(n => "--" + n))
            .ToHashSet(StringComparer.Ordinal);
        var options = typeof(OptionName).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(OptionName))
            .Select(p => (p.Name, Option: (OptionName)p.GetValue(null)!))
            .ToList();

        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.True(OptionFlags.Flags.TryGetValue(o.Option, out var flag) && declared.Contains(flag),
            $"OptionName.{o.Name} has no flag that a command declares ({(OptionFlags.Flags.TryGetValue(o.Option, out var f) ? f : "none")})"));
    }

    [Fact]
    public void OptionsException_NamesTheOption_ByItsMeaningInTheLibraryAndByItsFlagInTheCli()
    {
        var error = Assert.Throws<OptionsException>(() => new CommonProsperity.Nlp.Jobs.AnalysisOptions(["corpus"], "out", new CommonProsperity.Nlp.Ingestion.IngestionOptions(), ContextCharacters: 5000).Validate());

        Assert.Equal("the context width 5000 is out of range. Use a number of characters from 0 to 1000 (default 40).", error.Message);
        Assert.Equal("--context 5000 is out of range. Use a number of characters from 0 to 1000 (default 40).", OptionFlags.Describe(error));
    }

    /// <summary>The text of every string literal in the library's source, with its file (relative to the library's folder) and line.</summary>
    private static IEnumerable<(string File, int Line, string Text)> LibraryStrings()
    {
        var library = Path.Combine(TestPaths.RepoRoot, "src", "CommonProsperity.Nlp");
        foreach (var file in Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(library, file).Replace(Path.DirectorySeparatorChar, '/');
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
            foreach (var token in tree.GetRoot().DescendantTokens().Where(IsStringText))
            {
                yield return (relative, token.GetLocation().GetLineSpan().StartLinePosition.Line + 1, token.Text);
            }
        }
    }

    /// <summary>True when <c>cpnlp WORD --help</c> succeeds: WORD is a command or a branch of commands.</summary>
    private static bool IsCommand(string word)
    {
        lock (Commands)
        {
            if (!Commands.TryGetValue(word, out var known))
            {
                known = CliRunner.Run([word, "--help"]).ExitCode == 0;
                Commands[word] = known;
            }

            return known;
        }
    }

    private static readonly Dictionary<string, bool> Commands = new(StringComparer.Ordinal);

    private static bool IsStringText(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken
        or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.CharacterLiteralToken
        or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken;

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z0-9-]*")]
    private static partial Regex Flag();

    [GeneratedRegex(@"\bcpnlp (?<word>[a-z][a-z-]*)")]
    private static partial Regex Command();
}
