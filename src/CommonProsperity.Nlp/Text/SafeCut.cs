namespace CommonProsperity.Nlp.Text;

/// <summary>
/// Where a text read in windows may be cut (<c>analyze</c>'s windows and <c>classify</c>'s sentence windows):
/// after a sentence-end mark that no token and no match can cross.
/// </summary>
internal static class SafeCut
{
    /// <summary>
    /// True when, going back from the end of <paramref name="before"/> (the text before a cut), a character
    /// that ends every token and every match (punctuation: not a word character, Chinese character, space,
    /// hyphen, apostrophe or invisible character, after character folding when <paramref name="folds"/>)
    /// comes before any token character.
    /// </summary>
    public static bool NothingCrosses(ReadOnlySpan<char> before, bool folds)
    {
        for (var i = before.Length - 1; i >= 0; i--)
        {
            var c = before[i];
            if (char.IsSurrogate(c))
            {
                return false;
            }

            var folded = folds ? CharFold.Fold(c) : c;
            if (folded > char.MaxValue)
            {
                return false;
            }

            var f = (char)folded;
            if (char.IsSurrogate(f) || CharClass.IsHan(f) || CharClass.IsWordCategory(CharClass.Category(f)))
            {
                return false;
            }

            if (!(CharClass.IsPhraseGap(f) || CharClass.IsIgnorable(f) || CharClass.IsApostrophe(f)))
            {
                return true;
            }
        }

        return false;
    }
}
