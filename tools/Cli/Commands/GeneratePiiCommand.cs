using System.CommandLine;
using SpecialistPlatform.Cli.Pii;
using SpecialistPlatform.Compliance.Detection.Evaluation;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist generate pii --out FILE --count N --seed S</summary>
internal static class GeneratePiiCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--out") { Description = "File to write (Presidio evaluation JSON: an array of {full_text, spans}).", Required = true };
        var count = new Option<int>("--count") { Description = "Number of samples.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed writes the same file.", DefaultValueFactory = _ => 42 };
        var command = new Command("pii", "Generate a labelled synthetic personal-data evaluation set (emails, chats, forms, invoices; several locales).") { output, count, seed };
        command.SetAction((parseResult, _) => CliApp.Guard(parseResult, () =>
        {
            var n = parseResult.GetValue(count);
            if (n < 1)
                throw new UsageException("--count must be at least 1.");
            var path = parseResult.GetRequiredValue(output);
            var samples = new SyntheticPiiGenerator(parseResult.GetValue(seed)).Generate(n).ToList();
            PresidioDataset.Write(path, samples);
            var spans = samples.Sum(s => s.Spans.Count);
            parseResult.InvocationConfiguration.Output.WriteLine($"wrote {samples.Count} samples with {spans} labelled spans -> {path}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
