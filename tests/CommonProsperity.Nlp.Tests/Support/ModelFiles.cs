using System.IO.Compression;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>Edits model files the way damage or another version would.</summary>
internal static class ModelFiles
{
    /// <summary>Rewrites the model card (<c>card.json</c>) of the model at <paramref name="path"/> in place.</summary>
    public static void EditCard(string path, Func<string, string> edit)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("card.json")!;
        string card;
        using (var reader = new StreamReader(entry.Open()))
        {
            card = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("card.json").Open());
        writer.Write(edit(card));
    }
}
