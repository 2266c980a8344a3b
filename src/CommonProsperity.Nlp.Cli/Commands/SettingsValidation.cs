using CommonProsperity.Nlp.Errors;
using Spectre.Console;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// Turns the library's check of an options object into Spectre's <c>Settings.Validate()</c> result, so
/// that a bad value stops the command before it reads anything (exit code 64), and the rule lives once,
/// in the options type.
/// </summary>
internal static class SettingsValidation
{
    /// <summary>Runs <paramref name="check"/>; an <see cref="OptionsException"/> becomes the validation error.</summary>
    public static ValidationResult Check(Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            check();
            return ValidationResult.Success();
        }
        catch (OptionsException e)
        {
            return ValidationResult.Error(OptionFlags.Describe(e));
        }
    }
}
