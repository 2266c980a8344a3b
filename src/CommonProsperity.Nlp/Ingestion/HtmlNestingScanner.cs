namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// How deep the tags of a page nest as written, read in pieces as the page streams in (<see cref="HtmlReader.NestingDepth"/>
/// is this over a whole string): an opening tag goes one deeper, its closing tag one back; comments, the text of
/// scripts and styles, void elements and elements closed by the next of their kind do not count. A tag runs from
/// <c>&lt;</c> and a name (starting with a letter) to the next <c>&gt;</c>, wherever that is; a <c>&lt;</c> not
/// followed by a name is text.
/// </summary>
internal sealed class HtmlNestingScanner
{
    private const int LongestKnownName = 16;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
    };

    private static readonly HashSet<string> ClosedByThemselves = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rp", "rt", "html", "head", "body", "colgroup", "caption",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "plaintext" };

    private readonly char[] _name = new char[LongestKnownName];
    private State _state;
    private int _nameLength;
    private bool _longName;
    private bool _closing;
    private char _last;
    private int _dashes;
    private string _rawEnd = string.Empty;
    private int _rawMatched;
    private int _depth;

    private enum State
    {
        Text,
        AfterLessThan,
        Bang,
        BangDash,
        Comment,
        Name,
        Tag,
        RawText,
    }

    /// <summary>The deepest nesting seen so far.</summary>
    public int Deepest { get; private set; }

    /// <summary>Reads the next piece of the page.</summary>
    public void Feed(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Step(c);
        }
    }

    private void Step(char c)
    {
        switch (_state)
        {
            case State.Text:
                if (c == '<')
                {
                    _state = State.AfterLessThan;
                }

                break;
            case State.AfterLessThan:
                if (c == '!')
                {
                    _state = State.Bang;
                }
                else if (c == '/')
                {
                    StartName(closing: true);
                }
                else
                {
                    StartName(closing: false);
                    Step(c);
                }

                break;
            case State.Bang:
                // "<!" not followed by "--" is text from the "!" on (no name starts with "!").
                _state = c == '-' ? State.BangDash : State.Text;
                if (_state == State.Text)
                {
                    Step(c);
                }

                break;
            case State.BangDash:
                _state = c == '-' ? State.Comment : State.Text;
                _dashes = 0;
                if (_state == State.Text)
                {
                    Step(c);
                }

                break;
            case State.Comment:
                // Ends at the first "-->" after "<!--".
                if (c == '>' && _dashes >= 2)
                {
                    _state = State.Text;
                }

                _dashes = c == '-' ? _dashes + 1 : 0;
                break;
            case State.Name:
                if (char.IsAsciiLetterOrDigit(c) || c == '-' || c == ':')
                {
                    if (_nameLength < _name.Length)
                    {
                        _name[_nameLength] = c;
                    }
                    else
                    {
                        _longName = true;
                    }

                    _nameLength++;
                    _last = c;
                    break;
                }

                if (_nameLength == 0 || !char.IsAsciiLetter(_name[0]))
                {
                    // No name: the scan goes on from this character.
                    _state = State.Text;
                    Step(c);
                    break;
                }

                _state = State.Tag;
                Step(c);
                break;
            case State.Tag:
                if (c == '>')
                {
                    EndTag();
                }
                else
                {
                    _last = c;
                }

                break;
            case State.RawText:
                // Until "</name" in any case (as OrdinalIgnoreCase compares: upper case); the name has no '<', so a
                // mismatch restarts at a '<' or before it.
                if (char.ToUpperInvariant(c) == _rawEnd[_rawMatched])
                {
                    if (++_rawMatched == _rawEnd.Length)
                    {
                        // The scan goes on from the "<" of "</name": a closing tag.
                        _state = State.Text;
                        Feed(_rawEnd);
                    }
                }
                else
                {
                    _rawMatched = c == '<' ? 1 : 0;
                }

                break;
        }
    }

    private void StartName(bool closing)
    {
        _state = State.Name;
        _closing = closing;
        _nameLength = 0;
        _longName = false;
    }

    private void EndTag()
    {
        _state = State.Text;
        var name = _longName ? null : new string(_name, 0, _nameLength);
        if (name is not null && (Void.Contains(name) || ClosedByThemselves.Contains(name)))
        {
            return;
        }

        if (_closing)
        {
            _depth = Math.Max(0, _depth - 1);
        }
        else if (_last != '/')
        {
            Deepest = Math.Max(Deepest, ++_depth);
            if (name is not null && RawText.Contains(name))
            {
                _rawEnd = "</" + name.ToUpperInvariant();
                _rawMatched = 0;
                _state = State.RawText;
            }
        }
    }
}
