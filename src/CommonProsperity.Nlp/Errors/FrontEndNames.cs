namespace CommonProsperity.Nlp.Errors;

/// <summary>How a front end names what the library's messages name (<see cref="OptionName"/>, <see cref="JobName"/>).</summary>
internal static class FrontEndNames
{
    /// <summary>
    /// <paramref name="key"/> as <paramref name="provider"/> names it, when it gives names (its <c>GetFormat(typeof(T))</c>
    /// is a dictionary that holds <paramref name="key"/>); else <paramref name="library"/>, the library's own name.
    /// </summary>
    public static string Of<T>(T key, string library, IFormatProvider? provider)
        where T : notnull =>
        provider?.GetFormat(typeof(T)) is IReadOnlyDictionary<T, string> names && names.TryGetValue(key, out var name) ? name : library;
}
