using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Tests.Models;

/// <summary>
/// <see cref="UncertaintySampler"/>: keeping only the most uncertain passages chooses what choosing from every passage
/// chooses, and says so (<see cref="UncertaintySampler.Complete"/>) only when that is true.
/// </summary>
public class UncertaintySamplerTests
{
    private static readonly ThemeModel Model = ThemeModel.Load(Path.Combine(AppContext.BaseDirectory, "models", "themes.model.zip"));

    // A and B overlap by more than half (B is A's words and one more, written 200 times), so only one of them is chosen.
    private static readonly string A = "alpha beta gamma delta epsilon";
    private static readonly string B = A + string.Concat(Enumerable.Repeat(" zeta", 200));
    private static readonly string X = "eleven twelve thirteen fourteen fifteen";
    private static readonly string Y = "six seven eight nine ten";

    [Fact]
    public void Complete_ALongPassageLetsGoALessUncertainOneAndAnEvenLessUncertainOneIsKeptAfter_IsNotComplete()
    {
        // Room for A, B and Y but not for X as well: B lets X go, then Y (less uncertain than X) fits and would be chosen in X's place.
        var bounded = new UncertaintySampler(Model, 2) { MaxKeptCharacters = A.Length + B.Length + 30 };
        var every = new UncertaintySampler(Model, 2);

        foreach (var sampler in new[] { bounded, every })
        {
            Add(sampler);
        }

        Assert.Equal(["a", "x"], Documents(every));
        Assert.True(every.Complete);
        Assert.True(bounded.Dropped);
        Assert.False(bounded.Complete, "Y was chosen in place of X, which was let go for room");
    }

    [Fact]
    public void Complete_PassagesLetGoInADocumentsOwnSampler_CountWhenAdded()
    {
        // The same passages, X let go in a later document's own sampler: the corpus's sampler must not take Y for X.
        var corpus = new UncertaintySampler(Model, 2);
        corpus.Add(Passage("a", A, 0.01), "en");
        var own = new UncertaintySampler(Model, 2) { MaxKeptCharacters = B.Length + 30 };
        own.Add(Passage("x", X, 0.10), "en");
        own.Add(Passage("b", B, 0.02), "en");
        corpus.Add(own);
        corpus.Add(Passage("y", Y, 0.20), "en");

        Assert.Equal(["a", "y"], Documents(corpus));
        Assert.False(corpus.Complete);
    }

    [Fact]
    public void Complete_ChoiceMadeBeforeThePassagesLetGo_IsComplete()
    {
        // Room for two short passages: the two most uncertain are kept and chosen, so what was let go does not matter.
        var bounded = new UncertaintySampler(Model, 1) { MaxKept = 2 };
        bounded.Add(Passage("x", X, 0.10), "en");
        bounded.Add(Passage("a", A, 0.01), "en");
        bounded.Add(Passage("y", Y, 0.20), "en");

        Assert.True(bounded.Dropped);
        Assert.Equal(["a"], Documents(bounded));
        Assert.True(bounded.Complete);
    }

    private static void Add(UncertaintySampler sampler)
    {
        sampler.Add(Passage("a", A, 0.01), "en");
        sampler.Add(Passage("x", X, 0.10), "en");
        sampler.Add(Passage("b", B, 0.02), "en");
        sampler.Add(Passage("y", Y, 0.20), "en");
    }

    private static List<string> Documents(UncertaintySampler sampler) => [.. sampler.Select().Select(c => c.Passage.Document)];

    /// <summary>A passage whose every theme's probability is <paramref name="margin"/> above that theme's threshold.</summary>
    private static ClassifiedPassage Passage(string document, string text, double margin) =>
        new(document, 0, 0, text.Length, text, new HashSet<string>(), [.. Model.Card.Themes.Select(t => (float)(t.Threshold + margin))]);
}
