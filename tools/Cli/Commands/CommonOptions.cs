using System.CommandLine;

namespace SpecialistPlatform.Cli.Commands;

internal static class CommonOptions
{
    public static Option<string> TextColumn() => new("--text-column")
    {
        Description = "Name of the text column (CSV) or field (JSONL).",
        DefaultValueFactory = _ => "text",
    };

    public static Option<string> LabelColumn() => new("--label-column")
    {
        Description = "Name of the label column (CSV) or field (JSONL).",
        DefaultValueFactory = _ => "label",
    };

    public static Option<string> Model() => new("--model")
    {
        Description = "Model directory (holding model.bin) or model file.",
        Required = true,
    };

    public static string Percent(double value) => (value * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static string Number(double value, string format = "0.0000") => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
