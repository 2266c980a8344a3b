using System.Globalization;

namespace CommonProsperity.Nlp.Tests;

public sealed class CharClassTests
{
    [Theory]
    [InlineData(0x4E00, true)]  // 一, first CJK Unified Ideograph
    [InlineData(0x9FFF, true)]  // last of the block
    [InlineData(0x3400, true)]  // Extension A
    [InlineData(0x4DBF, true)]
    [InlineData(0xF900, true)]  // Compatibility Ideographs
    [InlineData(0xFAFF, true)]
    [InlineData(0x20000, true)] // Extension B, outside the BMP
    [InlineData(0x323AF, true)] // end of Extension H
    [InlineData(0x4DC0, false)] // Yijing hexagram symbol, between Extension A and the main block
    [InlineData(0x3002, false)] // 。 ideographic full stop
    [InlineData(0x3042, false)] // あ hiragana
    [InlineData(0x323B0, false)]
    [InlineData('A', false)]
    public void IsHan_CodePoint_IsTrueOnlyForHanIdeographs(int codePoint, bool expected)
    {
        // Act
        var isHan = CharClass.IsHan(codePoint);

        // Assert
        Assert.Equal(expected, isHan);
    }

    [Theory]
    [InlineData(UnicodeCategory.UppercaseLetter, true)]
    [InlineData(UnicodeCategory.LowercaseLetter, true)]
    [InlineData(UnicodeCategory.TitlecaseLetter, true)]
    [InlineData(UnicodeCategory.ModifierLetter, true)]
    [InlineData(UnicodeCategory.OtherLetter, true)]
    [InlineData(UnicodeCategory.NonSpacingMark, true)]
    [InlineData(UnicodeCategory.SpacingCombiningMark, true)]
    [InlineData(UnicodeCategory.EnclosingMark, true)]
    [InlineData(UnicodeCategory.DecimalDigitNumber, true)]
    [InlineData(UnicodeCategory.LetterNumber, false)]
    [InlineData(UnicodeCategory.OtherNumber, false)]
    [InlineData(UnicodeCategory.SpaceSeparator, false)]
    [InlineData(UnicodeCategory.DashPunctuation, false)]
    [InlineData(UnicodeCategory.Format, false)]
    public void IsWordCategory_Category_IsTrueForLettersMarksAndDecimalDigits(UnicodeCategory category, bool expected)
    {
        Assert.Equal(expected, CharClass.IsWordCategory(category));
    }

    [Theory]
    [InlineData(UnicodeCategory.OtherLetter, true)]
    [InlineData(UnicodeCategory.LowercaseLetter, true)]
    [InlineData(UnicodeCategory.NonSpacingMark, false)]
    [InlineData(UnicodeCategory.DecimalDigitNumber, false)]
    public void IsLetterCategory_Category_IsTrueOnlyForLetters(UnicodeCategory category, bool expected)
    {
        Assert.Equal(expected, CharClass.IsLetterCategory(category));
    }

    [Theory]
    [InlineData('-', true)]
    [InlineData('\u2010', true)] // hyphen
    [InlineData('\u2011', true)] // non-breaking hyphen
    [InlineData('\u00AD', true)] // soft hyphen
    [InlineData('\u2013', false)] // en dash
    [InlineData('\u2014', false)] // em dash
    [InlineData('_', false)]
    public void IsHyphen_Char_IsTrueOnlyForHyphens(char c, bool expected)
    {
        Assert.Equal(expected, CharClass.IsHyphen(c));
    }

    [Theory]
    [InlineData('\'', true)]
    [InlineData('\u2019', true)]
    [InlineData('\u2018', false)]
    [InlineData('`', false)]
    [InlineData('"', false)]
    public void IsApostrophe_Char_IsTrueForStraightAndRightSingleQuote(char c, bool expected)
    {
        Assert.Equal(expected, CharClass.IsApostrophe(c));
    }

    [Theory]
    [InlineData(' ', true)]
    [InlineData('\t', true)]
    [InlineData('\n', true)]
    [InlineData('\r', true)]
    [InlineData('\u3000', true)] // ideographic space
    [InlineData('\u00A0', true)] // no-break space
    [InlineData('-', true)]
    [InlineData('\u2010', true)]
    [InlineData(',', false)]
    [InlineData('\uFF0C', false)] // ，full-width comma
    [InlineData('.', false)]
    [InlineData('\u2014', false)]
    public void IsPhraseGap_Char_IsTrueForWhitespaceAndHyphens(char c, bool expected)
    {
        Assert.Equal(expected, CharClass.IsPhraseGap(c));
    }

    [Theory]
    [InlineData('\u3002', true)] // 。
    [InlineData('\u3000', true)] // ideographic space
    [InlineData('\u300C', true)] // 「
    [InlineData('\uFF0C', true)] // ，
    [InlineData('\uFF1F', true)] // ？
    [InlineData('\u201D', false)] // ” is general punctuation, not CJK
    [InlineData('共', false)]
    [InlineData('.', false)]
    public void IsCjkPunctuation_Char_IsTrueForCjkSymbolsAndFullWidthForms(char c, bool expected)
    {
        Assert.Equal(expected, CharClass.IsCjkPunctuation(c));
    }
}
