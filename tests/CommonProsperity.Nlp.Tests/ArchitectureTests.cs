using System.Reflection;
using System.Reflection.Emit;
using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Tests;

/// <summary>
/// The library's folders form an acyclic pipeline (docs/architecture.md): a stage may use the stages
/// before it, never one after it. Checked by reflection over every type of the assembly and everything
/// it refers to: base types, interfaces, fields, properties, signatures, locals, and the types and members
/// named in method bodies (IL), compiler-generated closures and iterators included.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>The stages, in the data's order; namespaces in one stage may use each other.</summary>
    public static readonly string[][] Stages =
    [
        ["", "Errors", "FileSystem"],        // foundation: the tool's version, report names, character classes, errors, file-system facts
        ["Ingestion"],                       // files and folders -> documents, one problem channel
        ["Text"],                            // sentences and paragraphs, the counting tokenizer
        ["Counting"],                        // lexicons, the matcher, per-document analysis and tallies
        ["Models"],                          // features, classifiers, evaluation (lexicon and model)
        ["Discovery"],                       // topics, keyness, trends, Chinese word segmentation
        ["Output"],                          // writers, manifest, output folder, charts
        ["Jobs"],                            // one class per command: analyze, merge, discovery runs, ...
    ];

    private const string Root = "CommonProsperity.Nlp";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void Library_EveryStage_UsesOnlyItselfAndEarlierStages()
    {
        var violations = Violations(Stages);

        Assert.True(violations.Count == 0, "stages that use later ones:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Violations_StagesInAnotherOrder_AreFound()
    {
        // The check can fail: with Jobs put before Output, and Text after Counting, the uses the code really makes are
        // violations, among them one in a method body only (the analyzer's sentence segmenter) and one in a signature.
        string[][] swapped = [Stages[0], Stages[1], Stages[3], Stages[2], Stages[4], Stages[5], Stages[7], Stages[6]];

        var violations = Violations(swapped);

        Assert.Contains(violations, v => v.StartsWith("CommonProsperity.Nlp.Counting.DocumentAnalyzer (Counting…) uses CommonProsperity.Nlp.Text.TextSegmenter (Text…", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("CommonProsperity.Nlp.Counting.LexiconMatcher (Counting…) uses CommonProsperity.Nlp.Text.CountingTokenizer (Text…", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("CommonProsperity.Nlp.Jobs.AnalysisPipeline (Jobs…) uses CommonProsperity.Nlp.Output.", StringComparison.Ordinal));
    }

    /// <summary>Each use of a later stage by a type of the library, the stages in the order of <paramref name="stages"/>.</summary>
    private static SortedSet<string> Violations(string[][] stages)
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(Lexicon).Assembly.GetTypes())
        {
            if (StageOf(type, stages) is not { } from)
            {
                continue;
            }

            foreach (var used in References(type))
            {
                if (StageOf(used, stages) is { } to && to > from)
                {
                    violations.Add($"{Outer(type).FullName} ({stages[from][0]}…) uses {Outer(used).FullName} ({stages[to][0]}…, a later stage)");
                }
            }
        }

        return violations;
    }

    [Fact]
    public void Stages_EveryNamespaceOfTheLibrary_HasAStage()
    {
        var namespaces = typeof(Lexicon).Assembly.GetTypes().Select(t => t.Namespace ?? "")
            .Where(n => n == Root || n.StartsWith(Root + ".", StringComparison.Ordinal)).Distinct();

        Assert.All(namespaces, n => Assert.True(StageOf(n, Stages) is not null, $"{n} is in no stage; add it to ArchitectureTests.Stages and docs/architecture.md"));
    }

    private static int? StageOf(Type type, string[][] stages) => StageOf(Outer(type).Namespace ?? "", stages);

    private static int? StageOf(string ns, string[][] stages)
    {
        if (ns != Root && !ns.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var first = ns == Root ? "" : ns[(Root.Length + 1)..].Split('.')[0];
        var index = Array.FindIndex(stages, s => s.Contains(first));
        return index < 0 ? null : index;
    }

    internal static Type Outer(Type type)
    {
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            type = type.GetGenericTypeDefinition();
        }

        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    internal static IEnumerable<Type> References(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            found.Add(baseType);
        }

        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetFields(all).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                found.Add(info.ReturnType);
            }

            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            found.AddRange(InBody(method));
        }

        return found.SelectMany(Expand);
    }

    /// <summary>A type with its element and generic argument types.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    /// <summary>The types of a method's locals and the types of everything its IL names.</summary>
    private static List<Type> InBody(MethodBase method)
    {
        var found = new List<Type>();
        MethodBody? body;
        try
        {
            body = method.GetMethodBody();
        }
        catch (InvalidOperationException)
        {
            return found;
        }

        if (body is null)
        {
            return found;
        }

        found.AddRange(body.LocalVariables.Select(l => l.LocalType));
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE && i < il.Length)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            if (!OpCodesByValue.TryGetValue(value, out var opcode))
            {
                break;
            }

            switch (opcode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    try
                    {
                        switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
                        {
                            case Type named:
                                found.Add(named);
                                break;
                            case FieldInfo field:
                                found.Add(field.DeclaringType!);
                                found.Add(field.FieldType);
                                break;
                            case MethodBase called:
                                found.Add(called.DeclaringType!);
                                if (called is MethodInfo { IsGenericMethod: true } generic)
                                {
                                    found.AddRange(generic.GetGenericArguments());
                                }

                                break;
                        }
                    }
                    catch (ArgumentException)
                    {
                        // A token that needs a generic context this method does not give; its types are in the signatures.
                    }

                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (BitConverter.ToInt32(il, i) * 4);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                default:
                    i += 4;
                    break;
            }
        }

        return found;
    }
}
