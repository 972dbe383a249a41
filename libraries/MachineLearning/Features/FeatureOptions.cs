namespace SpecialistPlatform.MachineLearning.Features;

/// <summary>How text becomes a hashed sparse feature vector. Stored in every model artifact.</summary>
public sealed record FeatureOptions
{
    /// <summary>Features are hashed into 2^HashBits buckets.</summary>
    public int HashBits { get; init; } = 20;

    public bool WordUnigrams { get; init; } = true;

    /// <summary>Adjacent word pairs, including sentence-start and sentence-end markers.</summary>
    public bool WordBigrams { get; init; } = true;

    /// <summary>Smallest character n-gram inside a word padded with boundary markers; 0 disables them.</summary>
    public int CharNgramMin { get; init; } = 2;

    public int CharNgramMax { get; init; } = 5;

    /// <summary>Word triples (with sentence markers) in the word block.</summary>
    public bool WordTrigrams { get; init; }

    /// <summary>Character n-grams over the whole space-joined sentence instead of inside each word.</summary>
    public bool CharNgramsAcrossWords { get; init; }

    /// <summary>Multiply each feature by its smoothed inverse document frequency from the training texts.</summary>
    public bool Idf { get; init; }

    /// <summary>Scale of the L2-normalised word block.</summary>
    public float WordWeight { get; init; } = 1f;

    /// <summary>Scale of the L2-normalised character block.</summary>
    public float CharWeight { get; init; } = 1f;

    public bool FoldDiacritics { get; init; } = true;

    /// <summary>1 + ln(count) instead of raw counts.</summary>
    public bool SublinearTf { get; init; } = true;

    public void Validate()
    {
        if (HashBits is < 8 or > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(HashBits), HashBits, "HashBits must be between 8 and 28.");
        }
        if (CharNgramMin < 0 || CharNgramMax < CharNgramMin || CharNgramMax > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(CharNgramMin), "Character n-gram range must satisfy 0 <= min <= max <= 10.");
        }
        if (!WordUnigrams && !WordBigrams && !WordTrigrams && CharNgramMin == 0)
        {
            throw new ArgumentException("At least one kind of feature must be enabled.");
        }
    }
}
