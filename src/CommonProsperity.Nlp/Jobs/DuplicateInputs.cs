using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// Finds near-duplicate inputs among a run's documents, in input order, from their fingerprints: a
/// document with the same normalised text as an earlier one, and a document that repeats long blocks of
/// itself. Each is reported as a warning through the run's one problem channel; with
/// <c>dedupe</c> a duplicate document is left out (its repeats were already left out of its counts).
/// </summary>
/// <param name="dedupe">Leave duplicates out of the counts instead of only reporting them.</param>
internal sealed class DuplicateInputs(bool dedupe)
{
    private readonly Dictionary<ulong, string> _first = [];

    /// <summary>Reports what is duplicated about <paramref name="report"/>; true when it is to be counted.</summary>
    public bool Check(DocumentReport report, IProblemSink problems)
    {
        var fingerprint = report.Fingerprint;
        var id = report.Summary.Id;
        if (fingerprint.Text != 0 && !_first.TryAdd(fingerprint.Text, id))
        {
            var first = _first[fingerprint.Text];
            problems.Report(dedupe
                ? Problem.Warning(id, Wording.Of($"{id}: the same text as {first} (ignoring case, spaces and punctuation); left out of the counts ({OptionName.Dedupe})."))
                : Problem.Warning(id, $"{id}: the same text as {first} (ignoring case, spaces and punctuation), so it is counted twice.",
                    Wording.Of($"Remove one of the two, or run with {OptionName.Dedupe} to count the first only.")));
            return !dedupe;
        }

        if (fingerprint.RepeatsBlocks)
        {
            var share = (double)fingerprint.RepeatedCharacters / fingerprint.Characters;
            var what = string.Create(CultureInfo.InvariantCulture,
                $"{id}: {fingerprint.Repeats.Count} sentences from line {fingerprint.FirstRepeatLine} on ({fingerprint.RepeatedCharacters:N0} characters, {share * 100:F0}% of the text) repeat earlier sentences of the same document");
            problems.Report(report.RepeatsLeftOut
                ? Problem.Warning(id, Wording.Of($"{what}; the repeats were left out of the counts ({OptionName.Dedupe})."))
                : Problem.Warning(id, $"{what}: the same text pasted more than once? They are counted each time.",
                    Wording.Of($"Remove the repeats from the file, or run with {OptionName.Dedupe} to count each repeated sentence once.")));
        }

        return true;
    }
}
