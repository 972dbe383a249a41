using Microsoft.ML.Tokenizers;

namespace SpecialistPlatform.Gateway.Overview;

/// <summary>
/// Counts tokens as the frontier's o200k_base vocabulary (GPT-4o and later) would, with Microsoft.ML.Tokenizers. Loading
/// the vocabulary takes a moment and some memory, so it happens once, on first use.
/// </summary>
public sealed class TokenEstimator
{
    public const string Encoding = "o200k_base";
    private readonly Lazy<Tokenizer> _tokenizer = new(() => TiktokenTokenizer.CreateForEncoding(Encoding));

    public int Count(string text) => _tokenizer.Value.CountTokens(text);
}
