using System.Text;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// The encoding a user gives for the text inputs (<see cref="IngestionOptions.Encoding"/>), for files whose
/// encoding detection guesses wrong: it replaces the detection (<see cref="EncodingDecision.Decide"/>) for
/// every text file without a byte order mark, and decodes strictly, so that a file not in that encoding is
/// refused, named, rather than read as mojibake.
/// </summary>
internal sealed class GivenEncoding
{
    /// <summary>How <see cref="DecodedText.By"/> says the encoding was decided.</summary>
    internal const string By = "given (the encoding option), not detected";

    private GivenEncoding(Encoding encoding, string name)
    {
        Encoding = encoding;
        Name = name;
    }

    /// <summary>The strict encoding (it throws on bytes invalid in it).</summary>
    public Encoding Encoding { get; }

    /// <summary>The encoding's name in the reports (<see cref="DecodedText.Encoding"/>): .NET's web name, lower case (<c>gb18030</c>, <c>big5</c>, <c>utf-8</c>).</summary>
    public string Name { get; }

    /// <summary>The encoding named <paramref name="name"/>: any name or code page .NET knows, with the system's legacy code pages (GBK, Big5, Shift-JIS, Windows-1252, ...).</summary>
    /// <exception cref="OptionsException">No encoding has that name.</exception>
    public static GivenEncoding Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var trimmed = name.Trim();
        try
        {
            var encoding = int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var codePage)
                ? System.Text.Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                : System.Text.Encoding.GetEncoding(trimmed, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

            // GBK and GB2312 are read as GB18030, which holds them both (as the detection does).
            if (encoding.CodePage is 936 or 20936)
            {
                encoding = TextDecoder.StrictGb18030.Value;
            }

            return new GivenEncoding(encoding, encoding.WebName.ToLowerInvariant());
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new OptionsException($"{OptionName.Encoding} '{name}' is not an encoding the toolkit knows.",
                $"Give one of utf-8, utf-16le, utf-16be, gb18030 (also for GBK and GB2312), big5, shift_jis, euc-kr, windows-1252, iso-8859-1, or a code page number such as 936; or leave the option out for each file's encoding to be detected.");
        }
    }

    /// <summary>The decision for a file without a byte order mark: this encoding, unless the file holds zero bytes in an encoding that has none (it is binary then).</summary>
    /// <exception cref="InputException">The file holds zero bytes and the encoding is not UTF-16 or UTF-32.</exception>
    public EncodingDecision Decide(bool hasZeroByte, string path)
    {
        if (hasZeroByte && Encoding is not (UnicodeEncoding or UTF32Encoding))
        {
            throw TextDecoder.Binary(path);
        }

        var name = Name;
        return new EncodingDecision(Encoding, name, By, 0, p => new InputException((FormattableString)$"the file is not valid {name} text, the encoding it was given.", p, null,
            (FormattableString)$"Check the encoding given with {OptionName.Encoding} (it applies to every text input without a byte order mark), or leave it out for each file's encoding to be detected."));
    }
}
