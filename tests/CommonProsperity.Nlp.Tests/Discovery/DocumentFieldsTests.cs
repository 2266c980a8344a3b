using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Discovery;

public class DocumentFieldsTests
{
    private static readonly Document[] Documents =
    [
        TestDocuments.Make("a.txt", "Charity.", date: "2021-06-10", language: "en", publisher: "NPC", extra: new KeyValuePair<string, string>("license", "public")),
        TestDocuments.Make("b.txt", "慈善。", date: "2023", language: "zh", publisher: "NPC", extra: new KeyValuePair<string, string>("license", "CC-BY")),
        TestDocuments.Make("c.txt", "Tax.", language: "en"),
    ];

    [Theory]
    [InlineData("language", new[] { "en", "zh" }, new[] { 2, 1 })]
    [InlineData("year", new[] { "2021", "2023" }, new[] { 1, 1 })]
    [InlineData("meta_license", new[] { "CC-BY", "public" }, new[] { 1, 1 })]
    [InlineData("License", new[] { "CC-BY", "public" }, new[] { 1, 1 })]
    public void Group_ByField_SplitsByValueInOrdinalOrder(string field, string[] names, int[] sizes)
    {
        var groups = DocumentFields.Group(Documents, field, new List<string>());

        Assert.Equal(names, groups.Select(g => g.Name));
        Assert.Equal(sizes, groups.Select(g => g.Documents.Count));
    }

    [Fact]
    public void Group_DocumentsWithoutTheValue_AreLeftOutWithAWarning()
    {
        var warnings = new List<string>();

        DocumentFields.Group(Documents, "year", warnings);

        Assert.Contains(warnings, w => w.Contains("1 of 3 document(s) have no value for 'year'", StringComparison.Ordinal) && w.Contains("c.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Group_FieldNoDocumentHas_ThrowsListingTheFieldsThatExist()
    {
        var error = Assert.Throws<OptionsException>(() => DocumentFields.Group(Documents, "colour", new List<string>()));

        Assert.Contains("the grouping colour: none of the 3 document(s) has a value for 'colour'", error.Message, StringComparison.Ordinal);
        Assert.Contains("language, publisher, year, month, date, license", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }

    [Fact]
    public void Group_OneValueOnly_ThrowsSayingThereIsNothingToCompare()
    {
        var error = Assert.Throws<OptionsException>(() => DocumentFields.Group(Documents, "publisher", new List<string>()));

        Assert.Contains("every document has the value 'NPC'", error.Message, StringComparison.Ordinal);
    }
}
