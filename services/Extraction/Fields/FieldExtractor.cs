using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Extraction.Fields;

/// <summary>
/// Fills a schema from a text: for each field, in schema order, the value of its type nearest after one of its
/// keywords (or the first one when it has none), never a span another field already took. Required fields that
/// are missing or doubtful are reported so the workflow can escalate.
/// </summary>
public static class FieldExtractor
{
    /// <summary>Below this confidence a required field is doubtful, unless the serving model's registry version has a
    /// threshold calibrated on labelled data (`specialist calibrate --task extract --register`).</summary>
    public const double DefaultUncertainBelow = 0.5;
    private const int KeywordWindow = 40;

    /// <param name="spans">The learned tagger's spans for schemas with a Model; fields with a Slot are read from them.</param>
    public static ExtractionResult Extract(string schemaName, SchemaOptions schema, string text, DateTime reference,
        IReadOnlyList<PredictedSpan>? spans = null)
    {
        var taken = new List<(int Start, int End)>();
        var fields = new List<ExtractedField>();
        var lower = text.ToLowerInvariant();
        foreach (var field in schema.Fields)
        {
            if (field.Slot is { } slot)
            {
                if (spans?.Where(s => s.Label == slot).MaxBy(s => s.Confidence) is { } span)
                {
                    fields.Add(FromSpan(field, span, reference));
                }

                continue;
            }

            var candidates = TypedValueFinder.Find(field.Type, text, reference)
                .Where(v => !taken.Any(t => t.Start < v.End && v.Start < t.End))
                .ToList();
            var chosen = Choose(field, candidates, lower);
            if (chosen is null)
            {
                continue;
            }

            taken.Add((chosen.Start, chosen.End));
            fields.Add(new ExtractedField(field.Name, field.Type, chosen.Text, chosen.Start, chosen.End, chosen.Value, chosen.Confidence, chosen.Problem));
        }

        var missing = schema.Fields.Where(f => f.Required && !fields.Any(x => x.Name == f.Name)).Select(f => f.Name).ToList();
        return new ExtractionResult(schemaName, fields, missing);
    }

    /// <summary>A learned span, normalised to the field's type; a span that does not read as that type keeps its text
    /// with the reason, never a guessed value. The reason never quotes the text: it reaches the audit trail, which
    /// auditors read and which must not carry the job's content.</summary>
    private static ExtractedField FromSpan(FieldOptions field, PredictedSpan span, DateTime reference)
    {
        if (field.Type == "string")
        {
            return new ExtractedField(field.Name, field.Type, span.Text, span.Start, span.End,
                System.Text.Json.JsonSerializer.SerializeToElement(span.Text), Math.Round(span.Confidence, 4), null);
        }

        var typed = TypedValueFinder.Find(field.Type, span.Text, reference).FirstOrDefault();
        return typed?.Value is { } value
            ? new ExtractedField(field.Name, field.Type, span.Text, span.Start, span.End, value, Math.Round(Math.Min(span.Confidence, typed.Confidence), 4), null)
            : new ExtractedField(field.Name, field.Type, span.Text, span.Start, span.End, null, Math.Round(span.Confidence, 4),
                $"a {span.Text.Length}-character span could not be read as {field.Type}");
    }

    /// <summary>Why this result should go to the frontier model, or null when it should not.</summary>
    public static string? EscalationReason(SchemaOptions schema, ExtractionResult result, double uncertainBelow = DefaultUncertainBelow)
    {
        var doubtful = result.Fields
            .Where(f => (f.Confidence < uncertainBelow || f.Value is null) && schema.Fields.Any(s => s.Name == f.Name && s.Required))
            .Select(f => $"{f.Name} ({f.Problem ?? "low confidence"})")
            .ToList();
        var reasons = new List<string>();
        if (result.MissingRequired.Count > 0)
        {
            reasons.Add($"required field(s) missing: {string.Join(", ", result.MissingRequired)}");
        }

        if (doubtful.Count > 0)
        {
            reasons.Add($"required field(s) uncertain: {string.Join(", ", doubtful)}");
        }

        return reasons.Count == 0 ? null : "extraction: " + string.Join("; ", reasons);
    }

    private static TypedValue? Choose(FieldOptions field, List<TypedValue> candidates, string lowerText)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        if (field.Keywords.Count == 0)
        {
            // A bare reference pattern matches too much (postcodes, IBAN prefixes): it needs a keyword.
            return field.Type == "reference" ? null : candidates[0];
        }

        var announced = candidates
            .Select(c => (Candidate: c, Distance: KeywordDistance(field.Keywords, lowerText, c.Start)))
            .Where(x => x.Distance is not null)
            .OrderBy(x => x.Distance)
            .Select(x => x.Candidate)
            .FirstOrDefault();
        return announced ?? (field.Type == "reference" ? null : candidates[0]);
    }

    private static int? KeywordDistance(IEnumerable<string> keywords, string lowerText, int start)
    {
        var window = lowerText[Math.Max(0, start - KeywordWindow)..start];
        int? best = null;
        foreach (var keyword in keywords)
        {
            var at = window.LastIndexOf(keyword.ToLowerInvariant(), StringComparison.Ordinal);
            if (at >= 0)
            {
                var distance = window.Length - (at + keyword.Length);
                best = best is null ? distance : Math.Min(best.Value, distance);
            }
        }

        return best;
    }
}
