using System.IO.Compression;
using CommonProsperity.Nlp.Classification;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Classification;

public class ThemeModelErrorTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Load_MissingFile_SaysHowToGetAModel()
    {
        var error = Assert.Throws<ModelException>(() => ThemeModel.Load("/no/such/model.zip"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("cpnlp train", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedFile_IsAClearError()
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(fixture.ModelPath);
        var path = temp.Write("truncated.zip", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ModelException>(() => ThemeModel.Load(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileOfAnotherFormat_IsAClearError()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("notes.zip", "this is a text file, not a zip"u8.ToArray());

        var error = Assert.Throws<ModelException>(() => ThemeModel.Load(path));

        Assert.Contains("not a valid model archive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZipWithoutCard_IsNotAModel()
    {
        using var temp = new TempDirectory();
        var path = temp.File("other.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("readme.txt");
        }

        var error = Assert.Throws<ModelException>(() => ThemeModel.Load(path));

        Assert.Contains("not a cpnlp theme model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModelFromAnotherFormatVersion_AsksToRetrain()
    {
        using var temp = new TempDirectory();
        var path = temp.File("old.zip");
        File.Copy(fixture.ModelPath, path);
        ModelFiles.EditCard(path, card => card.Replace("\"format_version\": 1", "\"format_version\": 99", StringComparison.Ordinal));

        var error = Assert.Throws<ModelException>(() => ThemeModel.Load(path));

        Assert.Contains("format 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("Retrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireThemes_LabelsForOtherThemes_NameTheMissingOnes()
    {
        var model = ThemeModel.Load(fixture.ModelPath);

        var error = Assert.Throws<ModelException>(() => model.RequireThemes(["inequality", "taxation"], "labels.csv"));

        Assert.Contains("taxation", error.Message, StringComparison.Ordinal);
    }
}
