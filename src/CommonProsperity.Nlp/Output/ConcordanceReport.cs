using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// <c>kwic.csv</c>, the concordance of <c>cpnlp kwic</c>: its columns declared once (the writer and
/// docs/kwic.md read them) and its writer. A sampled concordance has an empty
/// <see cref="KwicLine.CorrectColumn"/> column for hand checking, which <c>lexicon check --validated</c> reads back.
/// </summary>
internal static class ConcordanceReport
{
    /// <summary>The longest sentence written whole, in characters (a spreadsheet cell holds 32,767); a longer one is cut around the match.</summary>
    public const int MaxSentence = 4000;

    /// <summary>The columns of a full concordance.</summary>
    public static ReportLayout<KwicLine> Lines { get; } = Layout(sample: false);

    /// <summary>The columns of a sampled concordance: <see cref="Lines"/> with <see cref="KwicLine.CorrectColumn"/>.</summary>
    public static ReportLayout<KwicLine> Sample { get; } = Layout(sample: true);

    /// <summary>The lines with <paramref name="context"/> characters each side and their sentences.</summary>
    public static IReadOnlyList<KwicLine> Format(IReadOnlyList<ConcordanceLine> lines, int context)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Select(l =>
        {
            var text = l.Document.Text;
            return new KwicLine(l.Document.Id, l.Theme, l.Term, l.Start, l.End, EvidenceContext.Left(text, l.Start, context), text[l.Start..l.End],
                EvidenceContext.Right(text, l.End, context), Sentence(l), l.Sentence.Index, l.Document.Metadata);
        })];
    }

    /// <summary>Writes <paramref name="lines"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<KwicLine> lines, bool sample)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var layout = sample ? Sample : Lines;
        var extra = new List<string>();
        foreach (var (key, _) in lines.SelectMany(l => l.Metadata.Extra))
        {
            if (!extra.Contains(key, StringComparer.Ordinal))
            {
                extra.Add(key);
            }
        }

        using var csv = CsvReport.Create(path);
        csv.WriteRow(layout.Header([], extra));
        foreach (var line in lines)
        {
            csv.WriteRow(layout.Row(line, 0, [.. extra.Select(k => line.Metadata.Extra.FirstOrDefault(kv => string.Equals(kv.Key, k, StringComparison.Ordinal)).Value)]));
        }
    }

    /// <summary>The sentence holding the line's match, whitespace shown as single spaces; cut to <see cref="MaxSentence"/> characters around the match when longer.</summary>
    private static string Sentence(ConcordanceLine line)
    {
        var (start, end) = (line.Sentence.Start, line.Sentence.End);
        if (end - start > MaxSentence)
        {
            var half = Math.Max(0, (MaxSentence - (line.End - line.Start)) / 2);
            start = Math.Max(start, line.Start - half);
            end = Math.Min(end, line.End + half);
        }

        return EvidenceContext.Right(line.Document.Text, start, end - start).Trim();
    }

    private static ReportLayout<KwicLine> Layout(bool sample) => new(
        ReportFiles.Kwic,
        sample ? "a seeded random sample of the matches, in document order, then text order, with an empty `correct` column." : "one row per match, in document order, then text order.",
        [
            new("document", ColumnFormat.Text, "the document id", r => r.Document),
            new("theme", ColumnFormat.Text, "the lexicon theme whose terms were looked for; empty for terms given one by one", r => r.Theme),
            new("term", ColumnFormat.Text, "the search term, or the lexicon term, that matched, as written", r => r.Term),
            new("start", ColumnFormat.Integer, "character offset of the match in the document's text (as in `evidence.csv`)", r => r.Start),
            new("end", ColumnFormat.Integer, "where the match ends (exclusive)", r => r.End),
            new("left", ColumnFormat.Text, "up to the context width (40 characters unless set) before the match, whitespace shown as single spaces", r => r.Left),
            new("match", ColumnFormat.Text, "the matched text exactly as it stands in the document", r => r.Match),
            new("right", ColumnFormat.Text, "up to the context width (40 characters unless set) after the match, whitespace shown as single spaces", r => r.Right),
            new("sentence", ColumnFormat.Text, $"the whole sentence holding the match, whitespace shown as single spaces; a sentence over {MaxSentence:N0} characters is cut around the match", r => r.Sentence),
            new("sentence_index", ColumnFormat.Integer, "the 0-based index of that sentence in the document (`sentence` in `evidence.csv`)", r => r.SentenceIndex),
            .. sample ? [new ReportColumn<KwicLine>(KwicLine.CorrectColumn, ColumnFormat.Text, "empty, for you: `y` if the match means what the term is meant to find, `n` if not (also `1`/`0`, `true`/`false`, `yes`/`no`); `lexicon check` reads it back as a hand-checked sample", _ => null)] : Array.Empty<ReportColumn<KwicLine>>(),
            .. AnalysisReports.MetadataOf<KwicLine>(r => r.Metadata),
        ],
        MetadataColumns: true);
}
