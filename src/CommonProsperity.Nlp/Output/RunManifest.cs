using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>What <c>manifest.json</c> records of a run, so that its reports can be traced and repeated.</summary>
/// <param name="Command">The command that ran (<c>analyze</c>).</param>
/// <param name="ToolVersion">The tool's version.</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="Options">The options, by name, as given.</param>
/// <param name="LexiconSource">Where the lexicon came from.</param>
/// <param name="LexiconSha256">The lexicon's fingerprint.</param>
/// <param name="LexiconTerms">How many terms it has.</param>
/// <param name="Themes">The themes counted, in report order.</param>
/// <param name="Inputs">The input files read.</param>
/// <param name="Skipped">Inputs passed over and why.</param>
/// <param name="Warnings">Other warnings.</param>
/// <param name="Documents">Documents analysed.</param>
/// <param name="Tokens">Tokens counted.</param>
/// <param name="Characters">Characters analysed.</param>
/// <param name="TimingsMs">Wall-clock milliseconds by stage.</param>
/// <param name="ThemeLabels">The themes' names in the dictionary they came from, when the lexicon has them (<see cref="Counting.Lexicon.ThemeLabels"/>).</param>
internal sealed record RunManifest(
    string Command,
    string ToolVersion,
    DateTimeOffset StartedUtc,
    IReadOnlyList<KeyValuePair<string, string?>> Options,
    string LexiconSource,
    string LexiconSha256,
    int LexiconTerms,
    IReadOnlyList<string> Themes,
    IReadOnlyList<InputFileRecord> Inputs,
    IReadOnlyList<Problem> Skipped,
    IReadOnlyList<string> Warnings,
    int Documents,
    long Tokens,
    long Characters,
    IReadOnlyList<KeyValuePair<string, long>> TimingsMs,
    IReadOnlyDictionary<string, string>? ThemeLabels = null);
