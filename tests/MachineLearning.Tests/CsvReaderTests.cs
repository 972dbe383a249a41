using SpecialistPlatform.MachineLearning.Data;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class CsvReaderTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var csv = new CsvReader(new StringReader("text,label\r\n\"say \"\"hi\"\", please\",greet\n\"two\nlines\",multi\nplain,x"));

        csv.ReadRecord().ShouldBe(["text", "label"]);
        csv.ReadRecord().ShouldBe(["say \"hi\", please", "greet"]);
        csv.ReadRecord().ShouldBe(["two\nlines", "multi"]);
        csv.RecordLine.ShouldBe(3);
        csv.ReadRecord().ShouldBe(["plain", "x"]);
        csv.RecordLine.ShouldBe(5);
        csv.ReadRecord().ShouldBeNull();
    }

    [Fact]
    public void Rejects_an_unclosed_quote_with_its_line()
    {
        var csv = new CsvReader(new StringReader("a,b\n\"open,b\n"));
        csv.ReadRecord();

        Should.Throw<DataFormatException>(() => csv.ReadRecord()).Message.ShouldContain("line 2");
    }
}
