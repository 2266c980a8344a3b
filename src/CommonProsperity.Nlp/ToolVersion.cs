using System.Reflection;

namespace CommonProsperity.Nlp;

/// <summary>The tool's version, as manifests, shard headers and model cards record it.</summary>
public static class ToolVersion
{
    /// <summary>The informational version of the library, without the source revision.</summary>
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
