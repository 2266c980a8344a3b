using System.Security.Cryptography;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Labelled passages merged from one or more files, the one door through which every command reads
/// labels, so that all of them count the same passages: passages with the same text (after trimming)
/// are one passage; if their labels differ, the later row wins and a conflict is reported; plain repeats
/// are reported as warnings. A row whose id (from an <c>id</c> column) was already given to another
/// text is passed over with a warning, since one id cannot name two passages: repeated rows would
/// otherwise weigh a passage many times over in every metric.
/// </summary>
/// <param name="Passages">The merged passages, in first-seen order.</param>
/// <param name="Files">The files read, with their SHA-256.</param>
/// <param name="Warnings">Duplicates and conflicts, each naming the files and lines.</param>
public sealed record LabelSet(IReadOnlyList<LabeledPassage> Passages, IReadOnlyList<TrainingFile> Files, IReadOnlyList<string> Warnings)
{
    /// <summary>The key under which passages count as the same (their text without surrounding white space).</summary>
    public static string Key(string text) => (text ?? throw new ArgumentNullException(nameof(text))).Trim();

    /// <summary>Reads and merges label files; every theme must be one of <paramref name="themes"/>.</summary>
    /// <exception cref="InputException">A file is missing or malformed.</exception>
    public static LabelSet Load(IReadOnlyList<string> paths, IReadOnlyCollection<string> themes)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new OptionsException($"no label file was given.", $"Pass one or more CSV files as {OptionName.LabelFiles}.");
        }

        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        var byId = new Dictionary<string, (string Path, LabeledPassage Passage)>(StringComparer.Ordinal);
        var merged = new List<LabeledPassage>();
        var files = new List<TrainingFile>();
        var warnings = new List<string>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new InputException($"the label file does not exist.", path, null, Wording.Of($"Check the path given for {OptionName.LabelFiles}."));
            }

            var passages = LabelSetReader.Read(path, themes, out var hasIds);
            files.Add(new TrainingFile(path, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), passages.Count));
            foreach (var passage in passages)
            {
                var key = Key(passage.Text);
                if (hasIds && byId.TryGetValue(passage.Id, out var first) && Key(first.Passage.Text) != key)
                {
                    warnings.Add($"{path}:{passage.Line}: the id '{passage.Id}' already names another passage ({first.Path}:{first.Passage.Line}); this row was passed over. Give each passage its own id.");
                    continue;
                }

                if (hasIds)
                {
                    byId.TryAdd(passage.Id, (path, passage));
                }

                if (byText.TryGetValue(key, out var at))
                {
                    var earlier = merged[at];
                    if (earlier.Themes.SetEquals(passage.Themes))
                    {
                        warnings.Add($"{path}:{passage.Line}: the same passage as line {earlier.Line} with the same themes; counted once.");
                    }
                    else
                    {
                        warnings.Add($"{path}:{passage.Line}: conflict: the same passage as line {earlier.Line} is labelled '{string.Join(';', passage.Themes.Order(StringComparer.Ordinal))}' here and '{string.Join(';', earlier.Themes.Order(StringComparer.Ordinal))}' there; the later label is used.");
                        merged[at] = passage;
                    }

                    continue;
                }

                byText[key] = merged.Count;
                merged.Add(passage);
            }
        }

        return new LabelSet(merged, files, warnings);
    }
}
