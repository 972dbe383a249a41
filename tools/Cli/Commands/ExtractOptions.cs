using System.CommandLine;
using System.Globalization;
using SpecialistPlatform.Extraction.Normalization;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>Options shared by the span-extraction commands.</summary>
internal static class ExtractOptions
{
    /// <summary>NLU++ resolves relative dates against 2022-03-15 and times against 09:00.</summary>
    public static readonly DateTime NluppReference = new(2022, 3, 15, 9, 0, 0, DateTimeKind.Unspecified);

    public static Option<string[]> DataFiles(string description) => new("--data")
    {
        Description = description,
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string> Format() => new("--format")
    {
        Description = "Data format: restaurant8k, nlupp or jsonl ({\"text\", \"spans\": [{\"label\", \"start\", \"end\"}], \"requestedSlots\"?} per line).",
        Required = true,
    };

    public static Option<string?> Reference() => new("--reference")
    {
        Description = "Reference date/time for relative values (ISO 8601, e.g. 2026-05-01T12:00); default now, or 2022-03-15T09:00 for --format nlupp.",
    };

    public static Option<string> Model() => new("--model")
    {
        Description = "Model directory (holding tagger.bin) or the tagger file.",
        Required = true,
    };

    public static List<SpanExample> ReadAll(IEnumerable<string> paths, SpanDataFormat format)
    {
        var all = new List<SpanExample>();
        foreach (var path in paths)
        {
            all.AddRange(SpanDataReader.Read(path, format));
        }
        if (all.Count == 0)
        {
            throw new UsageException("The data files hold no examples.");
        }
        return all;
    }

    public static SlotValues SlotValuesFor(string? reference, SpanDataFormat? format)
    {
        DateTime at;
        if (reference is null)
        {
            at = format == SpanDataFormat.Nlupp ? NluppReference : DateTime.Now;
        }
        else if (!DateTime.TryParse(reference, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out at))
        {
            throw new UsageException($"--reference must be an ISO 8601 date or date and time, not '{reference}'.");
        }
        return new SlotValues(new ValueNormalizer(NormalizationOptions.At(at)));
    }
}
