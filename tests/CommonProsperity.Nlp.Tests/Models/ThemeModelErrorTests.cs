using System.IO.Compression;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Models;

public class ThemeModelErrorTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Load_MissingFile_SaysHowToGetAModel()
    {
        var error = Assert.Throws<ModelException>(() => ThemeModel.Load("/no/such/model.zip"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Train one with TrainJob", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void Load_PartClaimingMoreThanTheCap_IsRefusedBeforeItIsInflated()
    {
        // Arrange: issue 9: a model whose inner part inflated to 3 GB crashed at 4.2 GB. Here 3 MB against a 1 MB cap.
        using var temp = new TempDirectory();
        var path = temp.File("bomb.zip");
        File.Copy(fixture.ModelPath, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("themes/control.zip")!.Delete();
            using var stream = zip.CreateEntry("themes/control.zip", CompressionLevel.Optimal).Open();
            stream.Write(new byte[3 << 20]);
        }

        // Act
        var error = Assert.Throws<ModelException>(() => ThemeModel.Load(path, 42, 1 << 20));

        // Assert
        Assert.Equal($"{path}: the part 'themes/control.zip' inflates to 3,145,728 bytes, more than the 1,048,576 bytes a model part may have; the file is damaged or not a model written by cpnlp. "
            + "Use a model written by TrainJob (or the built-in one: leave out the model file); do not load model files from untrusted sources.", error.Message);
    }

    [Fact]
    public void Load_PartInflatingToMoreThanItClaims_IsReadOnlyAsFarAsItClaims()
    {
        // Arrange: a card.json of 2 MB whose zip headers claim 100 bytes. The claim passes the cap, and the
        // entry is read no further than it claims (the zip reader stops there), so nothing inflates past it.
        using var temp = new TempDirectory();
        var path = temp.File("lying.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var stream = zip.CreateEntry("card.json", CompressionLevel.Optimal).Open();
            stream.Write(System.Text.Encoding.ASCII.GetBytes("{\"format_version\": 1" + new string(' ', 2 << 20) + "}"));
        }

        var bytes = File.ReadAllBytes(path);
        ClaimSize(bytes, 0x04034b50, 22, 100); // local file header
        ClaimSize(bytes, 0x02014b50, 24, 100); // central directory
        File.WriteAllBytes(path, bytes);

        // Act
        var error = Assert.Throws<ModelException>(() => ThemeModel.Load(path, 42, 1 << 20));

        // Assert
        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("the model card cannot be read (", error.Message, StringComparison.Ordinal);
        Assert.Contains("BytePositionInLine: 100.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Overwrites the uncompressed size in the first zip header with <paramref name="signature"/>.</summary>
    private static void ClaimSize(byte[] zip, uint signature, int offset, uint size)
    {
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            if (BitConverter.ToUInt32(zip, i) == signature)
            {
                BitConverter.GetBytes(size).CopyTo(zip, i + offset);
                return;
            }
        }

        throw new InvalidOperationException("no such zip header");
    }
}
