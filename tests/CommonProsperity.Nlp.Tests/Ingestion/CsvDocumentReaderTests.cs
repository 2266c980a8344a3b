using System.Text;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Ingestion;

public class CsvDocumentReaderTests
{
    private static readonly SourceFile File = new("/x/rows.csv", "rows.csv", "/x");

    private static (List<Document> Documents, IReadOnlyList<Problem> Skipped) Read(string csv, IngestionOptions? options = null)
    {
        var skipped = new ProblemLog();
        var documents = new CsvDocumentReader(options ?? new IngestionOptions())
            .Read(File, Encoding.UTF8.GetBytes(csv), DocumentMetadata.Empty, skipped, CancellationToken.None).ToList();
        return (documents, skipped.Skipped);
    }

    [Fact]
    public void Read_RowsWithIdColumn_NameDocumentsFileHashId()
    {
        var (documents, skipped) = Read("id,text,publisher,topic\nx1,Charity grows.,Think tank,giving\nx2,慈善事业。,NPC,law\n");

        Assert.Empty(skipped);
        Assert.Equal(["rows.csv#x1", "rows.csv#x2"], documents.Select(d => d.Id));
        Assert.Equal("Think tank", documents[0].Metadata.Publisher);
        Assert.Equal([new KeyValuePair<string, string>("topic", "giving")], documents[0].Metadata.Extra);
    }

    [Fact]
    public void Read_NoIdColumn_NumbersTheRows()
    {
        var (documents, _) = Read("body\nfirst\nsecond\n", new IngestionOptions(TextColumn: "body"));

        Assert.Equal(["rows.csv#1", "rows.csv#2"], documents.Select(d => d.Id));
    }

    [Fact]
    public void Read_MissingTextColumn_ThrowsListingTheColumnsAndTheFix()
    {
        var error = Assert.Throws<InputException>(() => Read("id,body\n1,hello\n"));

        Assert.Equal("rows.csv:1: there is no column 'text' to read the text from (columns: id, body). Name the text column with --text-column NAME.", error.Message);
    }

    [Fact]
    public void Read_EmptyAndRaggedRows_AreSkippedOneByOneWithTheirLine()
    {
        var (documents, skipped) = Read("id,text,date\na,fine,2020\nb,,2021\nc,too,many,fields\nd,also fine,2022\n");

        Assert.Equal(["rows.csv#a", "rows.csv#d"], documents.Select(d => d.Id));
        Assert.Equal(2, skipped.Count);
        Assert.StartsWith("rows.csv:3: the text column", skipped[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("rows.csv:4: the row has 4 fields but the header has 3", skipped[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateIds_SkipsTheLaterRow()
    {
        var (documents, skipped) = Read("id,text\na,one\na,two\n");

        Assert.Single(documents);
        Assert.Contains("the id 'a' was used by an earlier row", Assert.Single(skipped).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnbalancedQuote_ThrowsNamingTheLine()
    {
        var error = Assert.Throws<InputException>(() => Read("id,text\na,\"fine\"\nb,\"broken \"quote\" here\nc,last\n"));

        Assert.StartsWith("rows.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("quote", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
