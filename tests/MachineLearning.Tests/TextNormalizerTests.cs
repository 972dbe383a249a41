using SpecialistPlatform.MachineLearning.Features;
using SpecialistPlatform.MachineLearning.Text;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Normalizes_full_width_case_accents_and_whitespace()
    {
        TextNormalizer.Normalize("  Ｃａｆé\tNAÏVE\u00A0 Über  ").ShouldBe("cafe naive uber");
    }

    [Fact]
    public void Keeps_accents_when_folding_is_off()
    {
        TextNormalizer.Normalize("Café NAÏVE", foldDiacritics: false).ShouldBe("café naïve");
    }

    [Fact]
    public void Keeps_vowel_signs_of_non_latin_scripts()
    {
        TextNormalizer.Normalize("नमस्ते").ShouldBe("नमस्ते".Normalize());
    }

    [Fact]
    public void Tokenizes_unicode_text_into_words_symbols_and_ideographs()
    {
        var text = TextNormalizer.Normalize("Hasn’t my £20 top-up arrived? 東京へ 😀 Straße");

        TextNormalizer.Tokenize(text).ShouldBe(["hasn't", "my", "£", "20", "top", "up", "arrived", "東", "京", "へ", "😀", "straße"]);
    }

    [Fact]
    public void Tokenizes_empty_and_punctuation_only_text_to_nothing()
    {
        TextNormalizer.Tokenize("").ShouldBeEmpty();
        TextNormalizer.Tokenize("?!... ,;").ShouldBeEmpty();
    }

    [Fact]
    public void Hashes_the_same_text_to_the_same_features_in_any_process()
    {
        var hasher = new FeatureHasher(new FeatureOptions { HashBits = 18 });
        var a = hasher.Transform("Where is my card?");
        var b = hasher.Transform("where is my   CARD");

        a.Indices.ShouldBe(b.Indices);
        a.Values.ShouldBe(b.Values);
        a.Indices.ShouldAllBe(i => i >= 0 && i < (1 << 18));
        // Word and character blocks are each normalised to unit length.
        Math.Sqrt(a.Values.Sum(v => (double)v * v)).ShouldBe(Math.Sqrt(2), 1e-3);
    }
}
