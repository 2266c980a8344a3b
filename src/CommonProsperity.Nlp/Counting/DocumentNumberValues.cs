using System.Collections;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// A document's numbers (tokens, words, sentences, ...), by name, in the order the tool declares them.
/// Immutable; equal when the same numbers have the same values.
/// </summary>
public sealed class DocumentNumberValues : IReadOnlyList<KeyValuePair<string, long>>, IEquatable<DocumentNumberValues>
{
    private readonly long[] _values;

    /// <summary>The values, one per declared number (<see cref="DocumentNumbers.All"/>), in order.</summary>
    internal DocumentNumberValues(long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != DocumentNumbers.All.Count)
        {
            throw new ArgumentException($"{values.Length} values for {DocumentNumbers.All.Count} per-document numbers.", nameof(values));
        }

        _values = values;
    }

    /// <summary>
    /// The numbers <paramref name="values"/> gives by name (<c>tokens</c>, <c>words</c>, <c>sentences</c>, ...);
    /// those it does not name are 0.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a per-document number's, or stands twice.</exception>
    public static DocumentNumberValues Of(IEnumerable<KeyValuePair<string, long>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var all = DocumentNumbers.All;
        var result = new long[all.Count];
        var seen = new bool[all.Count];
        foreach (var (name, value) in values)
        {
            var i = 0;
            while (i < all.Count && !string.Equals(all[i].Name, name, StringComparison.Ordinal))
            {
                i++;
            }

            if (i == all.Count || seen[i])
            {
                throw new ArgumentException($"'{name}' is {(i == all.Count ? "not a per-document number" : "given twice")}; the numbers are {Names}.", nameof(values));
            }

            result[i] = value;
            seen[i] = true;
        }

        return new DocumentNumberValues(result);
    }

    /// <summary>The declared numbers' names, in order, for messages.</summary>
    internal static string Names => string.Join(", ", DocumentNumbers.All.Select(n => n.Name));

    /// <summary>The numbers of <paramref name="piece"/>, a whole document.</summary>
    internal static DocumentNumberValues Of(DocumentAnalyzer.Piece piece)
    {
        var values = new long[DocumentNumbers.All.Count];
        Add(values, piece);
        return new DocumentNumberValues(values);
    }

    /// <summary>Adds the numbers of <paramref name="piece"/> (a window of a document) to <paramref name="sums"/>.</summary>
    internal static void Add(long[] sums, DocumentAnalyzer.Piece piece)
    {
        ArgumentNullException.ThrowIfNull(sums);
        ArgumentNullException.ThrowIfNull(piece);
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] += DocumentNumbers.All[i].Count(piece);
        }
    }

    /// <summary>The value of <paramref name="number"/>.</summary>
    internal long this[DocumentNumber number] => _values[DocumentNumbers.IndexOf(number)];

    /// <summary>The value of the number named <paramref name="name"/> (<c>tokens</c>, <c>words</c>, <c>sentences</c>, ...).</summary>
    /// <exception cref="KeyNotFoundException">No number has that name.</exception>
    public long this[string name]
    {
        get
        {
            for (var i = 0; i < _values.Length; i++)
            {
                if (string.Equals(DocumentNumbers.All[i].Name, name, StringComparison.Ordinal))
                {
                    return _values[i];
                }
            }

            throw new KeyNotFoundException($"there is no per-document number '{name}'; there are {Names}.");
        }
    }

    /// <inheritdoc />
    public int Count => _values.Length;

    /// <inheritdoc />
    public KeyValuePair<string, long> this[int index] => new(DocumentNumbers.All[index].Name, _values[index]);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, long>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(DocumentNumberValues? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DocumentNumberValues);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
