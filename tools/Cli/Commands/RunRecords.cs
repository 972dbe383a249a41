using System.Security.Cryptography;
using System.Text;
using SpecialistPlatform.MachineLearning.Cascade;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>A model file as the registry knows it: its bytes' SHA-256 and version id.</summary>
internal sealed record ModelFile(string Path, byte[] Bytes, string Sha256, string Version)
{
    /// <param name="fileName">The artifact's name inside a model directory: model.bin (intent) or tagger.bin (extract).</param>
    public static ModelFile Read(string path, string fileName = "model.bin")
    {
        var file = Directory.Exists(path) ? System.IO.Path.Combine(path, fileName) : path;
        if (!File.Exists(file))
        {
            throw new UsageException($"No model file at '{file}'.");
        }

        var bytes = File.ReadAllBytes(file);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new ModelFile(file, bytes, sha, Data.Registry.ModelRegistry.VersionOf(bytes));
    }
}

/// <summary>One gold label's plain evaluation numbers (an `eval intent` run has no escalation).</summary>
internal sealed record ClassAccuracy(string Label, int Count, double Accuracy, double Precision, double F1);

internal static class RunRecords
{
    /// <summary>SHA-256 of the examples as evaluated (each "text\tlabel\n" in UTF-8): CSV and JSONL copies agree.</summary>
    public static string DatasetSha256(IEnumerable<LabeledExample> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in examples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(e.Text + "\t" + e.Label + "\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<LabeledExample> data, IReadOnlyList<IntentPrediction> predictions) =>
        CascadeCalibrator.Reliability(
            predictions.Select(p => (double)p.TopProbability).ToArray(),
            data.Select((e, i) => predictions[i].TopLabel == e.Label).ToArray());

    public static IReadOnlyList<ClassAccuracy> PerClass(IReadOnlyList<LabeledExample> data, IReadOnlyList<IntentPrediction> predictions)
    {
        var predictedCount = predictions.GroupBy(p => p.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return data.Select((e, i) => (Gold: e.Label, Correct: predictions[i].Label == e.Label))
            .GroupBy(x => x.Gold, StringComparer.Ordinal)
            .Select(g =>
            {
                var count = g.Count();
                var correct = g.Count(x => x.Correct);
                var predicted = predictedCount.GetValueOrDefault(g.Key);
                var precision = predicted == 0 ? 0 : correct / (double)predicted;
                var recall = correct / (double)count;
                return new ClassAccuracy(g.Key, count, recall, precision, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
            })
            .OrderBy(c => c.Accuracy).ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToArray();
    }
}
