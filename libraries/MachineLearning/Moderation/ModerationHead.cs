using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// One category of a moderation model: a two-class linear component over the model's shared feature space, its
/// calibration, and the threshold chosen on validation for <paramref name="Target"/>.
/// </summary>
/// <param name="WindowWords">When above 0, a text longer than this many words is also scored per window
/// (<see cref="TextWindows"/>) and the head's margin is the highest of the whole text's and the windows'.</param>
/// <param name="SegmentComponent">When set (with <paramref name="WindowWords"/>), the lines and sentences
/// (<see cref="TextSegments"/>) of a text longer than <paramref name="WindowWords"/> words are scored too, by this
/// component of their own: "How do solar panels work?" is an ordinary prompt on its own but an injected instruction
/// as a line of a table, and one linear component over the same n-grams cannot say both (docs/decisions/0021).</param>
/// <param name="NoveltyWeight">With a segment component: a segment's score is its margin plus this weight times
/// (<see cref="SegmentNovelty"/> - 0.5), so a request-like line that shares no word with the document around it scores
/// higher than one that does. 0 (the default, and models written before it) scores segments by their margin alone.</param>
/// <param name="RequestComponent">With a segment component: a third component, trained on ordinary requests
/// (Self-Instruct instructions, BIPIA's user questions) against the lines and sentences of BIPIA's clean contexts, whose
/// probability says how much a segment is shaped like a request addressed to the reader, whatever it asks.</param>
/// <param name="RequestWeight">The weight of (request probability x novelty), "a request that does not belong
/// here", in a segment's score.</param>
public sealed record ModerationHead(string Category, LinearComponent Component, PlattScaling Calibration, double Threshold, ThresholdTarget Target, int WindowWords = 0,
    LinearComponent? SegmentComponent = null, float NoveltyWeight = 0, LinearComponent? RequestComponent = null, float RequestWeight = 0)
{
    /// <summary>A segment's score from its margin, its novelty in the text and its request margin (0 without a request component).</summary>
    public static float SegmentScore(float margin, float novelty, float request, float noveltyWeight, float requestWeight) =>
        margin + noveltyWeight * (novelty - 0.5f) + requestWeight * (novelty / (1f + MathF.Exp(-request)) - 0.25f);

    /// <summary>The request component's margin for one segment.</summary>
    public float RequestMargin(ReadOnlySpan<int> rows, ReadOnlySpan<float> values) =>
        Margin(RequestComponent ?? throw new InvalidOperationException($"The '{Category}' head has no request component."), rows, values);

    /// <summary>Logit of "belongs" minus logit of "does not belong", for a whole text or one of its windows.</summary>
    public float Margin(ReadOnlySpan<int> rows, ReadOnlySpan<float> values) => Margin(Component, rows, values);

    /// <summary>The same for one line or sentence of a long text, by <see cref="SegmentComponent"/>.</summary>
    public float SegmentMargin(ReadOnlySpan<int> rows, ReadOnlySpan<float> values) =>
        Margin(SegmentComponent ?? throw new InvalidOperationException($"The '{Category}' head scores no segments."), rows, values);

    private static float Margin(LinearComponent component, ReadOnlySpan<int> rows, ReadOnlySpan<float> values)
    {
        Span<float> logits = stackalloc float[2];
        component.AddLogits(rows, values, logits);
        return logits[1] - logits[0];
    }
}
