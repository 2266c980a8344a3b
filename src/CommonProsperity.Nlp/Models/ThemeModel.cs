using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.FileSystem;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// A trained multi-label theme classifier: one ML.NET binary logistic regression per theme over shared
/// features, with a threshold per theme. Saved as one zip file holding <c>card.json</c> (the model
/// card), <c>lexicon.csv</c> (the lexicon its features use), <c>featurizer.zip</c> and one
/// <c>themes/ID.zip</c> per theme (ML.NET models).
/// </summary>
public sealed class ThemeModel
{
    private const string CardEntry = "card.json";
    private const string LexiconEntry = "lexicon.csv";
    private const string FeaturizerEntry = "featurizer.zip";
    /// <summary>
    /// The most bytes one part of a model file (an entry of the zip, or of the ML.NET zip inside it) may
    /// inflate to: 256 MiB, two hundred times the largest part of the shipped model. A zip entry can
    /// claim any size and inflate to far more than it claims (a "zip bomb"), so both the claimed and the
    /// actual sizes are checked, and a part is never read past the cap.
    /// </summary>
    public const long MaxPartBytes = 256L << 20;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly MLContext _ml;
    private readonly ITransformer _featurizer;
    private readonly IReadOnlyList<ITransformer> _predictors;
    private readonly LinearTheme[]? _linear;

    /// <summary>
    /// The feature groups of the model's <c>Features</c> vector, in order, when it is made of the
    /// lexicon vectors alone (no text n-grams: the shipped model): such passages are scored without
    /// ML.NET (<see cref="ScoreDirect"/>). Null for other models.
    /// </summary>
    private readonly Lazy<string[]?> _direct;

    internal ThemeModel(MLContext ml, ModelCard card, string lexiconCsv, ITransformer featurizer, IReadOnlyList<ITransformer> predictors)
    {
        _ml = ml;
        Card = card;
        LexiconCsv = lexiconCsv;
        _featurizer = featurizer;
        _predictors = predictors;
        _linear = LinearTheme.TryExtract(predictors);
        Featurizer = new PassageFeaturizer(new LexiconMatcher(LexiconLoader.FromCsvText(lexiconCsv, "model lexicon")));
        _direct = new Lazy<string[]?>(DirectLayout);
    }

    /// <summary>
    /// Whether passages can be scored from their lexicon hits and their document's profile alone, without
    /// ML.NET (<see cref="ScoreDirect"/>): the model's features are only those vectors, concatenated, and
    /// every theme is a calibrated linear model. The probabilities are those of ML.NET's path (tested).
    /// </summary>
    internal bool CanScoreDirectly => UseLinearFastPath && _direct.Value is not null;

    /// <summary>Whether to score all themes in one pass (true) or through ML.NET's transformers one theme at a time (tests compare the two).</summary>
    internal bool UseLinearFastPath { get; set; } = true;

    /// <summary>The model card.</summary>
    public ModelCard Card { get; }

    /// <summary>The lexicon (CSV) the features use.</summary>
    public string LexiconCsv { get; }

    /// <summary>The themes predicted, in order.</summary>
    public IReadOnlyList<string> Themes => Card.Themes.Select(t => t.Id).ToArray();

    /// <summary>
    /// The codebook's themes (<see cref="Codebook.Themes"/>) this model has no classifier for, in codebook order: trained
    /// with too few labelled passages of them (<see cref="ModelCard.SkippedThemes"/>), or added to the codebook after
    /// the model was trained. Passages are never predicted to have them; the model must be trained on labels that code them.
    /// </summary>
    public IReadOnlyList<string> UnclassifiedCodebookThemes => [.. Codebook.Themes.Select(t => t.Id).Except(Themes, StringComparer.Ordinal)];

    /// <summary>The schemas to save with, set by the trainer (a loaded model is not saved again).</summary>
    internal (DataViewSchema Featurized, DataViewSchema Input)? SchemasForSave { get; set; }

    /// <summary>The featurizer (lexicon and tokenizers) of this model.</summary>
    internal PassageFeaturizer Featurizer { get; }

    /// <summary>
    /// Probabilities per passage and theme (in <see cref="Themes"/> order). <paramref name="groups"/>
    /// gives each passage's document, whose lexicon profile is a feature (null or empty: unknown, and the
    /// training set's profile stands in).
    /// </summary>
    public float[][] PredictProbabilities(IReadOnlyList<string> texts, IReadOnlyList<string?> groups)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var rows = Featurizer.Featurize(texts, groups, Card.UnknownDocumentProfile);
        return PredictRows(rows);
    }

    /// <summary>Probabilities for passages with known document profiles (see <see cref="PassageFeaturizer.DocumentProfile"/>).</summary>
    public float[][] PredictProbabilities(IReadOnlyList<string> texts, IReadOnlyList<float[]> contexts) =>
        PredictRows(Featurizer.Featurize(texts, contexts));

    internal float[][] PredictRows(IReadOnlyList<PassageRow> rows)
    {
        var data = _ml.Data.LoadFromEnumerable(rows, Featurizer.SchemaFor());
        // Featurize once: without the cache every theme's pass would compute the n-grams again.
        var features = _ml.Data.Cache(_featurizer.Transform(data));
        var result = new float[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = new float[_predictors.Count];
        }

        if (_linear is { } linear && UseLinearFastPath)
        {
            // Fast path: one pass over the feature vectors, every theme's calibrated linear score at once.
            var i = 0;
            foreach (var vector in features.GetColumn<VBuffer<float>>("Features"))
            {
                var values = vector.GetValues();
                var indices = vector.GetIndices();
                for (var t = 0; t < linear.Length; t++)
                {
                    result[i][t] = linear[t].Probability(values, indices, vector.IsDense);
                }

                i++;
            }

            return result;
        }

        for (var t = 0; t < _predictors.Count; t++)
        {
            var scored = _predictors[t].Transform(features);
            var probabilities = scored.GetColumn<float>("Probability").ToArray();
            for (var i = 0; i < rows.Count; i++)
            {
                result[i][t] = probabilities[i];
            }
        }

        return result;
    }

    /// <summary>
    /// Scores one passage without ML.NET (<see cref="CanScoreDirectly"/>): its feature vector is built as
    /// <see cref="PassageFeaturizer.Featurize(IReadOnlyList{string}, IReadOnlyList{float[]}, IReadOnlyList{bool}?, IReadOnlyList{int[]}?)"/>
    /// builds it and ML.NET's <c>Concatenate</c> lays it out (in the model's column order), then every
    /// theme's calibrated linear model is applied to it, as the one-pass scorer does to ML.NET's vectors.
    /// </summary>
    /// <param name="hits">The passage's lexicon hits per theme.</param>
    /// <param name="context">Its document's lexicon profile.</param>
    /// <returns>The probability per theme, in <see cref="Themes"/> order.</returns>
    internal float[] ScoreDirect(ReadOnlySpan<int> hits, ReadOnlySpan<float> context)
    {
        var layout = _direct.Value ?? throw new InvalidOperationException("this model has text features; it is scored through ML.NET.");
        Span<float> vector = stackalloc float[layout.Length * 2 * Featurizer.ThemeCount];
        var features = vector[..Lay(layout, hits, context, Featurizer.ThemeCount, vector)];
        var probabilities = new float[_linear!.Length];
        for (var t = 0; t < probabilities.Length; t++)
        {
            probabilities[t] = _linear[t].Probability(features, default, dense: true);
        }

        return probabilities;
    }

    /// <summary>Lays out the feature vector of the groups <paramref name="layout"/> as the featurizer and ML.NET's <c>Concatenate</c> do; returns its length.</summary>
    private static int Lay(string[] layout, ReadOnlySpan<int> hits, ReadOnlySpan<float> context, int themes, Span<float> vector)
    {
        var at = 0;
        foreach (var group in layout)
        {
            if (group is nameof(PassageRow.Lexicon))
            {
                // As PassageFeaturizer.Featurize: whether the theme has hits, then log(1 + hits).
                for (var t = 0; t < themes; t++)
                {
                    vector[at + t] = hits[t] > 0 ? 1f : 0f;
                    vector[at + themes + t] = MathF.Log(1 + hits[t]);
                }

                at += 2 * themes;
            }
            else
            {
                context[..themes].CopyTo(vector[at..]);
                at += themes;
            }
        }

        return at;
    }

    /// <summary>
    /// Which lexicon vectors, in which order, make up the model's <c>Features</c>, found by asking ML.NET:
    /// a probe row with distinct values in every slot is featurized by the model's own featurizer, and a
    /// layout is taken only if it gives exactly the same vector (a model with text n-grams gives a longer
    /// one and is never taken) of the length every theme's weights have. Null when none does.
    /// </summary>
    private string[]? DirectLayout()
    {
        if (_linear is null)
        {
            return null;
        }

        var themes = Featurizer.ThemeCount;
        var hits = Enumerable.Range(1, themes).ToArray();
        var context = Enumerable.Range(0, themes).Select(t => 0.25f + (t / 1024f)).ToArray();
        float[] probe;
        try
        {
            var lexicon = new float[2 * themes];
            Lay([nameof(PassageRow.Lexicon)], hits, context, themes, lexicon);
            var row = new PassageRow { Lexicon = lexicon, Context = context };
            var featurized = _featurizer.Transform(_ml.Data.LoadFromEnumerable([row], Featurizer.SchemaFor()));
            probe = [.. featurized.GetColumn<VBuffer<float>>("Features").Single().DenseValues()];
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return null;
        }

        string[][] candidates = [[nameof(PassageRow.Lexicon), nameof(PassageRow.Context)], [nameof(PassageRow.Lexicon)], [nameof(PassageRow.Context)], [nameof(PassageRow.Context), nameof(PassageRow.Lexicon)]];
        var vector = new float[4 * themes];
        foreach (var layout in candidates)
        {
            var length = Lay(layout, hits, context, themes, vector);
            if (length == probe.Length && vector.AsSpan(0, length).SequenceEqual(probe) && _linear.All(l => l.Dimension == length))
            {
                return layout;
            }
        }

        return null;
    }

    /// <summary>
    /// This model with its figures on <paramref name="passages"/> in its card: scores it on <paramref name="passages"/> (which
    /// it must not have been trained on) and its lexicon on the same passages, with document-bootstrap intervals.
    /// </summary>
    /// <param name="labelsPath">The label file the passages came from (its SHA-256 goes into the card).</param>
    /// <param name="passages">The labelled passages.</param>
    /// <param name="bootstrap">Resamples and seed of the intervals.</param>
    public ThemeModel WithEvaluation(string labelsPath, IReadOnlyList<LabeledPassage> passages, BootstrapOptions bootstrap)
    {
        ArgumentNullException.ThrowIfNull(labelsPath);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(bootstrap);
        var evaluation = ModelEvaluator.Evaluate(this, passages, LexiconLoader.FromCsvText(LexiconCsv, "model lexicon"), bootstrap);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(labelsPath)));
        var documents = passages.Select(p => p.Document).Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal).Count();
        var card = Card with
        {
            Evaluation = new CardEvaluation(labelsPath, sha, passages.Count, documents, bootstrap.Resamples, bootstrap.Seed,
                evaluation.Classifier, evaluation.ClassifierIntervals, evaluation.Lexicon!, evaluation.LexiconIntervals),
        };
        return new ThemeModel(_ml, card, LexiconCsv, _featurizer, _predictors) { SchemasForSave = SchemasForSave };
    }

    /// <summary>The themes whose probability reaches their threshold.</summary>
    public IReadOnlySet<string> Decide(float[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < Card.Themes.Count; t++)
        {
            if (probabilities[t] >= Card.Themes[t].Threshold)
            {
                set.Add(Card.Themes[t].Id);
            }
        }

        return set;
    }

    /// <summary>Writes the model to <paramref name="path"/> (through a temporary file beside it, so a failure leaves no half model: <see cref="OutputFile"/>).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (featurizedSchema, inputSchema) = SchemasForSave ?? throw new InvalidOperationException("only a freshly trained model can be saved");
        OutputFile.Write(path, "the model", temp =>
        {
            using var file = File.Create(temp);
            using var zip = new ZipArchive(file, ZipArchiveMode.Create);
            WriteEntry(zip, CardEntry, stream => JsonSerializer.Serialize(stream, Card, Json));
            WriteEntry(zip, LexiconEntry, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(LexiconCsv)));
            WriteEntry(zip, FeaturizerEntry, stream => SaveModel(_featurizer, inputSchema, stream));
            for (var t = 0; t < _predictors.Count; t++)
            {
                var predictor = _predictors[t];
                WriteEntry(zip, $"themes/{Card.Themes[t].Id}.zip", stream => SaveModel(predictor, featurizedSchema, stream));
            }
        });
    }

    /// <summary>
    /// The model used when none is named: <c>models/themes.model.zip</c> in the current folder if there
    /// is one, else the one shipped next to the tool.
    /// </summary>
    public static string DefaultPath
    {
        get
        {
            var local = Path.Combine("models", "themes.model.zip");
            return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "models", "themes.model.zip");
        }
    }

    /// <summary>Loads a model file.</summary>
    /// <exception cref="ModelException">The file is missing, not a model, truncated, or of another format version.</exception>
    public static ThemeModel Load(string path, int seed = 42) => Load(path, seed, MaxPartBytes);

    /// <summary>Loads a model file with another cap on the size of its parts (tests use a small one).</summary>
    internal static ThemeModel Load(string path, int seed, long maxPartBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ModelException($"the model file does not exist.", path, Wording.Of($"Train one with {JobName.Train}, or leave out {OptionName.ModelFile} to use the built-in one."));
        }

        if (FileSystem.FileStatus.Of(path).Kind is var kind && kind != FileSystem.FileKind.Regular)
        {
            // Opening a named pipe would block the run.
            throw new ModelException($"the model path is {FileSystem.FileStatus.Describe(kind)}, not a regular file.", path, Wording.Of($"Pass the model file written by {JobName.Train}."));
        }

        var ml = new MLContext(seed);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            CheckDeclaredSizes(zip.Entries.Select(e => (e.FullName, e.Length)), path, path, maxPartBytes);
            var cardEntry = zip.GetEntry(CardEntry) ?? throw new ModelException($"the file is a zip archive but not a cpnlp theme model (no card.json).", path, Wording.Of($"Pass a model written by {JobName.Train}."));
            ModelCard card;
            using (var stream = ReadPart(cardEntry, path, maxPartBytes))
            {
                card = JsonSerializer.Deserialize<ModelCard>(stream, Json) ?? throw new ModelException("the model card is empty.", path, "Retrain the model.");
            }

            if (card.FormatVersion != ModelCard.CurrentFormat)
            {
                throw new ModelException($"the model is in format {card.FormatVersion} (made by cpnlp {card.ToolVersion}); this cpnlp reads format {ModelCard.CurrentFormat}.", path,
                    Wording.Of($"Retrain the model with this version ({JobName.Train})."));
            }

            if (card.Themes is null || card.UnknownDocumentProfile is null || card.UnknownDocumentProfile.Count == 0)
            {
                throw new ModelException($"the model card is incomplete (no themes or no document profile).", path, Wording.Of($"Retrain the model with this version ({JobName.Train})."));
            }

            string lexicon;
            using (var reader = new StreamReader(ReadPart(Entry(zip, LexiconEntry, path), path, maxPartBytes)))
            {
                lexicon = reader.ReadToEnd();
            }

            var featurizer = LoadTransformer(ml, zip, FeaturizerEntry, path, maxPartBytes);
            var predictors = card.Themes.Select(theme => LoadTransformer(ml, zip, $"themes/{theme.Id}.zip", path, maxPartBytes)).ToArray();
            return new ThemeModel(ml, card, lexicon, featurizer, predictors);
        }
        catch (InvalidDataException e)
        {
            throw new ModelException($"the file is not a valid model archive ({e.Message}); it may be truncated or of another format.", path,
                Wording.Of($"Copy the model file again, or retrain it with {JobName.Train}."), e);
        }
        catch (JsonException e)
        {
            throw new ModelException($"the model card cannot be read ({e.Message}).", path, Wording.Of($"Retrain the model with {JobName.Train}."), e);
        }
    }

    /// <summary>Checks that the model predicts exactly the themes a label file may use.</summary>
    public void RequireThemes(IEnumerable<string> themes, string path)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var missing = themes.Except(Themes, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ModelException($"the model does not predict the theme(s) {string.Join(", ", missing)}.", path,
                $"It predicts {string.Join(", ", Themes)}; use a model trained for these themes.");
        }
    }

    private void SaveModel(ITransformer transformer, DataViewSchema schema, Stream destination)
    {
        // ML.NET writes a zip of its own and wants a seekable stream.
        using var buffer = new MemoryStream();
        _ml.Model.Save(transformer, schema, buffer);
        buffer.Position = 0;
        buffer.CopyTo(destination);
    }

    private static ITransformer LoadTransformer(MLContext ml, ZipArchive zip, string name, string path, long maxPartBytes)
    {
        using var buffer = ReadPart(Entry(zip, name, path), path, maxPartBytes);
        try
        {
            // ML.NET's model is a zip of its own: its entries' claimed sizes are checked before ML.NET inflates them.
            using (var inner = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
            {
                CheckDeclaredSizes(inner.Entries.Select(e => ($"{name}/{e.FullName}", e.Length)), $"{name}", path, maxPartBytes);
            }

            buffer.Position = 0;
            return ml.Model.Load(buffer, out _);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or ArgumentException)
        {
            throw new ModelException($"the part '{name}' of the model cannot be loaded ({e.Message}).", path, Wording.Of($"The file may be damaged; retrain it with {JobName.Train}."), e);
        }
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name, string path) =>
        zip.GetEntry(name) ?? throw new ModelException($"the model has no '{name}'; it is incomplete.", path, Wording.Of($"Retrain it with {JobName.Train}."));

    /// <summary>Refuses a zip whose entries claim more than the cap, each or together.</summary>
    private static void CheckDeclaredSizes(IEnumerable<(string Name, long Length)> entries, string what, string path, long maxPartBytes)
    {
        long total = 0;
        foreach (var (name, length) in entries)
        {
            total += length;
            if (length > maxPartBytes || total > maxPartBytes * 64)
            {
                throw TooLarge(length > maxPartBytes ? $"the part '{name}' inflates to {Bytes(length)} bytes" : $"the parts of {what} inflate to more than {Bytes(maxPartBytes * 64)} bytes together", path, maxPartBytes);
            }
        }
    }

    /// <summary>Inflates one entry into memory, never past the cap, whatever size the entry claims.</summary>
    private static MemoryStream ReadPart(ZipArchiveEntry entry, string path, long maxPartBytes)
    {
        using var source = entry.Open();
        var buffer = new MemoryStream((int)Math.Min(Math.Max(entry.Length, 0), maxPartBytes));
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxPartBytes)
            {
                buffer.Dispose();
                throw TooLarge($"the part '{entry.FullName}' inflates to more than {Bytes(maxPartBytes)} bytes (it claims {Bytes(entry.Length)})", path, maxPartBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static ModelException TooLarge(string problem, string path, long maxPartBytes) =>
        new($"{problem}, more than the {Bytes(maxPartBytes)} bytes a model part may have; the file is damaged or not a model written by cpnlp.", path,
            Wording.Of($"Use a model written by {JobName.Train} (or the built-in one: leave out {OptionName.ModelFile}); do not load model files from untrusted sources."));

    private static void WriteEntry(ZipArchive zip, string name, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        write(stream);
    }
}
