using SpecialistPlatform.MachineLearning.Features;
using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// A multi-label moderation classifier: one hashed n-gram feature space shared by one calibrated linear head per
/// category, so a text is tokenised and vectorised once whatever the number of categories.
/// </summary>
public sealed class ModerationModel
{
    [ThreadStatic] private static int[]? t_rows;
    [ThreadStatic] private static float[]? t_values;

    public ModerationModel(FeatureSpace space, IReadOnlyList<ModerationHead> heads, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (heads.Count == 0 || heads.Select(h => h.Category).Distinct(StringComparer.Ordinal).Count() != heads.Count)
        {
            throw new ArgumentException("A moderation model needs at least one head and distinct categories.", nameof(heads));
        }
        if (heads.Any(h => h.Component.Classes != 2 || !ReferenceEquals(h.Component.Space, space) || h.Threshold is < 0 or > 1
            || h.SegmentComponent is { } segment && (segment.Classes != 2 || !ReferenceEquals(segment.Space, space) || h.WindowWords == 0)
            || h.RequestComponent is { } request && (request.Classes != 2 || !ReferenceEquals(request.Space, space) || h.SegmentComponent is null)))
        {
            throw new ArgumentException("Every head must be a two-class component over the model's feature space with a threshold in [0, 1]; a segment component needs a window size.", nameof(heads));
        }
        Space = space;
        Heads = heads.ToArray();
        Categories = heads.Select(h => h.Category).ToArray();
        Metadata = metadata;
        _windowWords = Heads.Select(h => h.WindowWords).DefaultIfEmpty(0).Max();
        if (Heads.Any(h => h.WindowWords != 0 && h.WindowWords != _windowWords))
        {
            throw new ArgumentException("Heads scored per window must share one window size.", nameof(heads));
        }
        _segments = Heads.Any(h => h.SegmentComponent is not null);
        _novelty = Heads.Any(h => h.SegmentComponent is not null && (h.NoveltyWeight != 0 || h.RequestComponent is not null && h.RequestWeight != 0));
    }

    private readonly int _windowWords;
    private readonly bool _segments;
    private readonly bool _novelty;

    public FeatureSpace Space { get; }

    public IReadOnlyList<ModerationHead> Heads { get; }

    public IReadOnlyList<string> Categories { get; }

    public ModelMetadata Metadata { get; }

    public ModerationScores Score(string text)
    {
        var probabilities = Probabilities(text);
        List<string>? flagged = null;
        for (var i = 0; i < Heads.Count; i++)
        {
            if (probabilities[i] >= Heads[i].Threshold)
            {
                (flagged ??= []).Add(Heads[i].Category);
            }
        }
        return new ModerationScores(Categories, probabilities, flagged ?? (IReadOnlyList<string>)[]);
    }

    /// <summary>Scores texts in parallel; results are in input order and the same as <see cref="Score"/> on each.</summary>
    public ModerationScores[] ScoreBatch(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var results = new ModerationScores[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = Score(texts[i]));
        return results;
    }

    /// <summary>The calibrated probability of each category, in <see cref="Categories"/> order.</summary>
    public float[] Probabilities(string text)
    {
        var margins = Margins(text);
        for (var i = 0; i < margins.Length; i++)
        {
            margins[i] = Heads[i].Calibration.Probability(margins[i]);
        }
        return margins;
    }

    /// <summary>Each head's uncalibrated margin (logit of "belongs" minus "does not").</summary>
    public float[] Margins(string text)
    {
        var rows = t_rows ??= new int[256];
        var values = t_values ??= new float[256];
        var count = Space.Vectorize(text, ref rows, ref values);
        t_rows = rows;
        t_values = values;
        var margins = new float[Heads.Count];
        for (var i = 0; i < Heads.Count; i++)
        {
            margins[i] = Heads[i].Margin(rows.AsSpan(0, count), values.AsSpan(0, count));
        }
        if (_windowWords > 0)
        {
            AddWindowMargins(text, margins);
        }
        return margins;
    }

    /// <summary>Raises each windowed head's margin to its highest over the text's windows (and its segments, for a head that scores them).</summary>
    private void AddWindowMargins(string text, float[] margins)
    {
        var windows = TextWindows.Split(text, _windowWords);
        if (windows.Count == 0)
        {
            return;
        }
        var rows = t_rows!;
        var values = t_values!;
        foreach (var (start, length) in windows)
        {
            var count = Space.Vectorize(text.Substring(start, length), ref rows, ref values);
            for (var i = 0; i < Heads.Count; i++)
            {
                if (Heads[i].WindowWords > 0)
                {
                    margins[i] = Math.Max(margins[i], Heads[i].Margin(rows.AsSpan(0, count), values.AsSpan(0, count)));
                }
            }
        }
        if (_segments)
        {
            var segments = TextSegments.Split(text);
            var novelty = _novelty ? SegmentNovelty.Of(text, segments) : null;
            for (var s = 0; s < segments.Count; s++)
            {
                var (start, length) = segments[s];
                var count = Space.Vectorize(text.Substring(start, length), ref rows, ref values);
                for (var i = 0; i < Heads.Count; i++)
                {
                    if (Heads[i] is { SegmentComponent: not null } head)
                    {
                        var margin = head.SegmentMargin(rows.AsSpan(0, count), values.AsSpan(0, count));
                        if (novelty is not null)
                        {
                            var request = head.RequestComponent is not null && head.RequestWeight != 0 ? head.RequestMargin(rows.AsSpan(0, count), values.AsSpan(0, count)) : 0f;
                            margin = ModerationHead.SegmentScore(margin, novelty[s], request, head.NoveltyWeight, head.RequestComponent is null ? 0 : head.RequestWeight);
                        }
                        margins[i] = Math.Max(margins[i], margin);
                    }
                }
            }
        }
        t_rows = rows;
        t_values = values;
    }

    /// <summary>
    /// The margin of <paramref name="head"/>'s segment component and the novelty (<see cref="SegmentNovelty"/>) of each
    /// line and sentence of a text longer than a window (none for a shorter text), and the request component's margin
    /// (0 without one): what the trainer weighs on validation.
    /// </summary>
    public (float Margin, float Novelty, float Request)[] SegmentParts(string text, ModerationHead head)
    {
        var component = head.SegmentComponent ?? throw new ArgumentException($"The '{head.Category}' head scores no segments.", nameof(head));
        if (head.WindowWords == 0 || TextWindows.Split(text, head.WindowWords).Count == 0)
        {
            return [];
        }
        var segments = TextSegments.Split(text);
        var novelty = SegmentNovelty.Of(text, segments);
        var rows = t_rows ??= new int[256];
        var values = t_values ??= new float[256];
        var parts = new (float, float, float)[segments.Count];
        for (var s = 0; s < segments.Count; s++)
        {
            var count = Space.Vectorize(text.Substring(segments[s].Start, segments[s].Length), ref rows, ref values);
            parts[s] = (head.SegmentMargin(rows.AsSpan(0, count), values.AsSpan(0, count)), novelty[s],
                head.RequestComponent is null ? 0f : head.RequestMargin(rows.AsSpan(0, count), values.AsSpan(0, count)));
        }
        t_rows = rows;
        t_values = values;
        return parts;
    }
}
