using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp lexicon check</c>: how a lexicon agrees with labelled passages, per theme and per term.</summary>
[CommandWords("lexicon check", 160, "Compare a lexicon with labelled passages: precision and recall per theme and per term.")]
[CommandExample("--labels", "labels.csv")]
internal sealed class LexiconCheckCommand : Command<LexiconCheckCommand.Settings>
{
    /// <summary>The options of <c>lexicon check</c>.</summary>
    public sealed class Settings : LabelSettings
    {
        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for lexicon_check.csv, lexicon_terms.csv and lexicon_exclusions.csv")]
        [DefaultValue("reports/lexicon-check")]
        public string Out { get; init; } = "reports/lexicon-check";

        /// <summary>A concordance sample checked by hand.</summary>
        [CommandOption("--validated <FILE>")]
        [Description("Instead of --labels: a kwic.csv from 'cpnlp kwic ... --sample N' with its 'correct' column marked y/n; gives each term's and theme's precision with a 95% interval")]
        public string? Validated { get; init; }

        /// <inheritdoc />
        protected override bool LabelsOptional => Validated is not null;

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Validated is not null && !string.IsNullOrWhiteSpace(Labels)
                ? ValidationResult.Error("--labels and --validated were both given. Check the lexicon against labelled passages (--labels) or against a hand-checked kwic sample (--validated), one at a time.")
                : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Validated is { } sheet)
        {
            return LexiconValidationOutput.Print(CliStreams.Current, LexiconValidation.Run(sheet, settings.Out), settings.Out);
        }

        var lexicon = settings.LoadLexicon();
        var labels = settings.LoadLabels(CliStreams.Current, lexicon.Themes);
        var evaluation = new LexiconCheckJob(lexicon).Run(labels, settings.Out).Value;
        var passages = labels.Passages;

        var o = CliStreams.Current.Out;
        o.WriteLine($"{passages.Count} labelled passages, lexicon {(settings.Lexicon ?? "built-in")} ({lexicon.Terms.Count} terms).");
        o.WriteLine("theme               lang  precision  recall     f1  support");
        foreach (var a in evaluation.Themes)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.Theme,-19} {a.Language,-4} {a.Precision,10:F3} {a.Recall,7:F3} {a.F1,6:F3} {a.Support,8}"));
        }

        foreach (var lang in evaluation.Themes.Select(a => a.Language).Distinct(StringComparer.Ordinal))
        {
            var rows = evaluation.Themes.Where(a => a.Language == lang && a.Support > 0).ToList();
            if (rows.Count > 0)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"macro F1 ({lang}): {rows.Average(a => a.F1):F3}"));
            }
        }

        var weak = evaluation.Terms.Where(t => t.Passages >= 3 && t.Precision < 0.5).ToList();
        if (weak.Count > 0)
        {
            o.WriteLine($"{weak.Count} term(s) fire on 3+ passages but are on theme less than half the time (see lexicon_terms.csv):");
            foreach (var t in weak)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Theme}: '{t.Term}' {t.OnTheme}/{t.Passages} on theme; others {t.OtherThemes}"));
            }
        }

        if (evaluation.Exclusions.Count > 0)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{evaluation.Exclusions.Count} exclusion(s) vetoed {evaluation.Exclusions.Sum(x => x.Vetoed)} match(es) (see lexicon_exclusions.csv):"));
            foreach (var x in evaluation.Exclusions.Where(x => x.Vetoed > 0))
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {x.Theme}: '{x.Term}' inside '{x.Exclusion}': {x.Vetoed} match(es) in {x.Passages} passage(s), {x.PassagesWithTheme} of them labelled {x.Theme}"));
            }
        }

        o.WriteLine($"Details in {Path.GetFullPath(settings.Out)}.");
        return ExitCodes.Success;
    }
}
