using System.Security.Cryptography;
using SpecialistPlatform.Compliance.Detection.Tagging;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Compliance.Detection.Tests;

public class EntityFeatureKeyTests
{
    /// <summary>
    /// Training draws its feature dropout per key in order, so the default model (cached by recipe, not by code)
    /// is reproducible only while the keys and their order stay exactly these.
    /// </summary>
    [Fact]
    public void The_training_keys_and_their_order_are_unchanged()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var example in new EntityTrainingGenerator(3).Generate(300))
        {
            var tokens = SpanTokenizer.Tokenize(example.Text);
            foreach (var row in EntityFeatures.Default.Extract(example.Text, tokens, []))
            {
                sha.AppendData(BitConverter.GetBytes(row.Length));
                foreach (var key in row)
                    sha.AppendData(BitConverter.GetBytes(key));
            }
        }

        // Changed on purpose with generator versions 3, 4 and 5 (street lines of locales Bogus lacks) and the Polish, Swedish and
        // Portuguese gazetteer words (issue 16), and with generator version 6 and the hand-written name lists of Tagging/Names:
        // the recipe hash changed with them, so no cached model of the old recipe is read as this one.
        Convert.ToHexStringLower(sha.GetHashAndReset()).ShouldBe("e5d624ab110f6cd54b7ffe5e01cf2c929fd98ef580f2e2633ce96c61a02d1b29");
    }
}
