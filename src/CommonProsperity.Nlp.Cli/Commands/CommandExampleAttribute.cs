namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>An example of a command's arguments, shown by <c>--help</c> after the command's words (<see cref="CommandWordsAttribute"/>), in the order written.</summary>
/// <param name="arguments">The arguments, one per element.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
internal sealed class CommandExampleAttribute(params string[] arguments) : Attribute
{
    /// <summary>The arguments.</summary>
    public IReadOnlyList<string> Arguments { get; } = arguments;
}
