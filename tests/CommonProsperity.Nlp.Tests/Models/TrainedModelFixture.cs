using System.Globalization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Models;

/// <summary>
/// A model trained once for the classification tests: on the first 22 labelled passages of each
/// document of the shared training labels (about 300 passages, to keep the suite fast), 3 folds.
/// </summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Directory = new TempDirectory();
        var rows = ReportReader.Read(Path.Combine(TestPaths.Shared, "labels", "train.csv"));
        var subset = rows.GroupBy(r => r["document"]).SelectMany(g => g.Take(22)).ToList();
        LabelPath = Directory.Write("labels.csv", ToCsv(subset));
        Labels = LabelSet.Load([LabelPath], DefaultLexicon.Instance.Themes);
        Result = new ThemeClassifierTrainer(new TrainingOptions(Folds: 3)).Train(Labels, DefaultLexicon.ReadText(), DefaultLexicon.Instance.Themes);
        ModelPath = Directory.File("model.zip");
        Result.Model.Save(ModelPath);
    }

    internal TempDirectory Directory { get; }

    public string LabelPath { get; }

    public LabelSet Labels { get; }

    public TrainingResult Result { get; }

    public string ModelPath { get; }

    public static string ToCsv(IEnumerable<Dictionary<string, string>> rows)
    {
        static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var lines = new List<string> { "id,document,lang,text,themes" };
        lines.AddRange(rows.Select(r => string.Join(',', Quote(r["id"]), Quote(r["document"]), Quote(r["lang"]), Quote(r["text"]), Quote(r["themes"]))));
        return string.Join("\n", lines) + "\n";
    }

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Dispose();
}
