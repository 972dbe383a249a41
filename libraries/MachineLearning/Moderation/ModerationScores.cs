namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>A text's calibrated probability per category (in <see cref="Categories"/> order) and the categories at or over their threshold.</summary>
public sealed record ModerationScores(IReadOnlyList<string> Categories, float[] Probabilities, IReadOnlyList<string> Flagged)
{
    public float this[string category] => Probabilities[IndexOf(category)];

    /// <summary>The highest harmful-content probability (hate, offensive, sexual, self-harm, violence).</summary>
    public float AnyHarm => ModerationCategories.Harm.Max(c => Categories.Contains(c) ? this[c] : 0f);

    private int IndexOf(string category)
    {
        for (var i = 0; i < Categories.Count; i++)
        {
            if (Categories[i] == category)
            {
                return i;
            }
        }
        throw new ArgumentException($"The model has no category '{category}'.", nameof(category));
    }
}
