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

        Assert.Equal("rows.csv:1: there is no column 'text' to read the text from (columns: id, body). Name the column that holds the text (the text column).", error.Message);
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

    [Fact]
    public void Read_RowWithAnInvalidDate_IsAnalysedWithAWarningAndNoYear()
    {
        // Issue 9: dates such as 2021-13-45 were grouped under 2021 and month 13.
        var log = new ProblemLog();
        var documents = new CsvDocumentReader(new IngestionOptions())
            .Read(File, Encoding.UTF8.GetBytes("id,text,date\na,one,2021-13-45\nb,two,2021-02-30\nc,three,2021-06\n"), DocumentMetadata.Empty, log, CancellationToken.None).ToList();
        var problems = log.All;

        Assert.Equal(3, documents.Count);
        Assert.Equal([null, null, "2021"], documents.Select(d => d.Metadata.Year));
        Assert.Equal([null, null, "2021-06"], documents.Select(d => d.Metadata.Month));
        Assert.All(problems, p => Assert.Equal(ProblemKind.Warning, p.Kind));
        Assert.Equal(
            [
                "rows.csv:2: the date '2021-13-45' is not yyyy-MM-dd, yyyy-MM or yyyy; it is kept as written but the document has no year for grouping. Write it as, for example, 2021-06-10.",
                "rows.csv:3: the date '2021-02-30' is not yyyy-MM-dd, yyyy-MM or yyyy; it is kept as written but the document has no year for grouping. Write it as, for example, 2021-06-10.",
            ],
            problems.Select(p => p.Text));
    }
}
