using System.Globalization;

namespace CommonProsperity.Nlp.Errors;

/// <summary>
/// Messages that name options (<see cref="OptionName"/>) are kept as templates, so that the library
/// writes them with each option's meaning and a front end with its own names for the options (the
/// command line: its flags), through <see cref="Render"/>. Everything else in them is formatted in the
/// invariant culture.
/// </summary>
public static class Wording
{
    /// <summary>
    /// <paramref name="text"/> kept as a template: an interpolated string passed here stays one (where a
    /// method also takes a string, C# would make it a string and name its options by their meaning only).
    /// </summary>
    public static FormattableString Of(FormattableString text) => text;

    /// <summary>A message kept as it is: a template with nothing to name.</summary>
    public static FormattableString Plain(string text) => System.Runtime.CompilerServices.FormattableStringFactory.Create("{0}", text);

    /// <summary><paramref name="text"/> with its options named by <paramref name="names"/> (null: by their meaning).</summary>
    public static string Render(FormattableString text, IFormatProvider? names)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(names ?? CultureInfo.InvariantCulture);
    }
}
