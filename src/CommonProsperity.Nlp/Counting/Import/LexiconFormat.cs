namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>The lexicon and dictionary formats the toolkit reads, recognised by content.</summary>
internal enum LexiconFormat
{
    /// <summary>The project's CSV: <c>theme,term</c> and optional columns.</summary>
    Csv,

    /// <summary>LIWC <c>.dic</c>: a <c>%</c> block numbering the categories, then a word and its numbers per line.</summary>
    LiwcDic,

    /// <summary>LIWC-22 <c>.dicx</c>: CSV with a <c>DicTerm</c> column and a column per category (<c>X</c> or a weight).</summary>
    LiwcDicx,

    /// <summary>WordStat <c>.cat</c>: category lines, indented by tabs for nesting, and words ending in <c>(1)</c>.</summary>
    WordStat,

    /// <summary>quanteda YAML: a mapping of categories to lists of words or to nested categories.</summary>
    Yaml,

    /// <summary>Lexicoder <c>.lc3</c>/<c>.lcd</c>: <c>+category</c> lines, each followed by its words.</summary>
    Lexicoder,

    /// <summary>Yoshikoder <c>.ykd</c>: XML with nested <c>cnode</c> categories and <c>pnode</c> words.</summary>
    Yoshikoder,
}
