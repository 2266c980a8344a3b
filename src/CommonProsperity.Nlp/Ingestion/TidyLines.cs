namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Tidies a page's text as it comes, as the whole text would be tidied: every line (split at <c>\n</c>) trimmed of
/// white space, at most one blank line between lines with text, none at the start or the end.
/// </summary>
/// <param name="sink">Where the tidy text goes.</param>
internal sealed class TidyLines(TextSink sink)
{
    private readonly char[] _buffer = new char[1 << 14];
    private readonly System.Text.StringBuilder _spaces = new();
    private int _length;
    private bool _lineHasText;
    private bool _blank = true;
    private int _newLines;

    /// <summary>Adds the next characters of the untidy text.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c == '\n')
            {
                // A line with text ends with one line break; a blank line adds one only after a line with text.
                if (_lineHasText || !_blank)
                {
                    _newLines++;
                }

                _blank = !_lineHasText;
                _lineHasText = false;
                _spaces.Clear();
            }
            else if (char.IsWhiteSpace(c))
            {
                // Kept only if more text follows on the line.
                if (_lineHasText)
                {
                    _spaces.Append(c);
                }
            }
            else
            {
                if (!_lineHasText)
                {
                    for (; _newLines > 0; _newLines--)
                    {
                        Put('\n');
                    }

                    _lineHasText = true;
                }

                foreach (var chunk in _spaces.GetChunks())
                {
                    foreach (var space in chunk.Span)
                    {
                        Put(space);
                    }
                }

                _spaces.Clear();
                Put(c);
            }
        }
    }

    /// <summary>Writes what is held to the sink (the line breaks and spaces at the end are left out, as trimmed).</summary>
    public void Flush()
    {
        sink(_buffer.AsSpan(0, _length));
        _length = 0;
    }

    private void Put(char c)
    {
        if (_length == _buffer.Length)
        {
            Flush();
        }

        _buffer[_length++] = c;
    }
}
