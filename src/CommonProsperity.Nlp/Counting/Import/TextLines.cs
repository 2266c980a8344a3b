namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>Splits dictionary text into lines at CR LF, LF or a bare CR (old Mac files), so line numbers match an editor's.</summary>
internal static class TextLines
{
    /// <summary>The lines of <paramref name="text"/>, without their line ends or a leading byte order mark.</summary>
    public static string[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
    }
}
