using System.Text;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.FileSystem;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>How <c>lexicon export</c> and <c>lexicon convert</c> write a lexicon CSV: whole or not at all.</summary>
internal static class LexiconCsvFile
{
    /// <summary>
    /// Writes <paramref name="csv"/> to <paramref name="path"/> with CRLF line ends and a byte order mark
    /// (so that Excel shows Chinese terms), beside the target and renamed over it, so a failure leaves no
    /// half file; an existing file is kept unless <paramref name="force"/>.
    /// </summary>
    public static void Write(string path, string csv, bool force)
    {
        if (File.Exists(path) && !force)
        {
            throw new OutputException("the file exists already.", path, "Choose another name with --out, or add --force to overwrite it.");
        }

        if (Directory.Exists(path))
        {
            throw new OutputException("the path is a folder.", path, "Give a file name with --out, for example --out my_lexicon.csv.");
        }

        var text = csv.TrimStart('\uFEFF').ReplaceLineEndings("\r\n");
        OutputFile.Write(path, "the lexicon", temp => File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)));
    }
}
