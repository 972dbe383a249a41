using System.Text;

namespace SpecialistPlatform.MachineLearning.Data;

/// <summary>
/// An RFC 4180 reader: comma-separated fields, fields optionally in double quotes, a doubled quote inside
/// quotes is a literal quote, and quoted fields may hold commas and line breaks. Records end at CRLF or LF.
/// </summary>
public sealed class CsvReader
{
    private readonly TextReader _reader;
    private int _line = 1;

    public CsvReader(TextReader reader) => _reader = reader;

    /// <summary>The 1-based line on which the most recently returned record started.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The next record, or null at the end of the input.</summary>
    public List<string>? ReadRecord()
    {
        if (_reader.Peek() < 0)
        {
            return null;
        }
        RecordLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var afterClosingQuote = false;
        var fieldStarted = false;
        while (true)
        {
            var next = _reader.Read();
            if (next < 0)
            {
                if (quoted)
                {
                    throw new DataFormatException($"CSV line {RecordLine}: a quoted field is not closed before the end of the file.");
                }
                fields.Add(field.ToString());
                return fields;
            }
            var ch = (char)next;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterClosingQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _line++;
                    }
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    afterClosingQuote = false;
                    break;
                case '\r' when _reader.Peek() == '\n':
                    break;
                case '\n':
                    _line++;
                    fields.Add(field.ToString());
                    return fields;
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                default:
                    if (afterClosingQuote)
                    {
                        throw new DataFormatException($"CSV line {_line}: unexpected character '{ch}' after a closing quote (a field must end right after its closing quote).");
                    }
                    if (ch == '"')
                    {
                        throw new DataFormatException($"CSV line {_line}: a quote appears inside an unquoted field (quote the whole field and double the inner quote).");
                    }
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
    }
}
