using System.ComponentModel;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// The inputs' description, made from the readers (<see cref="DocumentSource.ReadableExtensions"/>): Spectre reads an argument's
/// description from its <see cref="DescriptionAttribute"/>, whose text an attribute can compute, so a new format
/// needs no edit here.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class InputsDescriptionAttribute() : DescriptionAttribute("Files or folders (read recursively): " + string.Join(' ', DocumentSource.ReadableExtensions.Select(e => "." + e)));
