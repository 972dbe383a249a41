namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>What a category's threshold is chosen for on validation data.</summary>
public enum ThresholdGoal
{
    /// <summary>The threshold with the best macro-F1 (mean of the positive and the negative class's F1).</summary>
    MaxMacroF1,

    /// <summary>The lowest threshold (most recall) whose precision is at least the value.</summary>
    MinPrecision,

    /// <summary>The lowest threshold (most recall) that flags at most the value's share of the negatives.</summary>
    MaxFalsePositiveRate,
}

/// <summary>A category's threshold rule, stored with the model so the choice can be re-checked.</summary>
public sealed record ThresholdTarget(ThresholdGoal Goal, double Value = 0)
{
    public string Describe() => Goal switch
    {
        ThresholdGoal.MaxMacroF1 => "best macro-F1 on validation",
        ThresholdGoal.MinPrecision => $"most recall with precision >= {Value:0.###} on validation",
        _ => $"most recall with at most {Value:0.###} of negatives flagged on validation",
    };
}

/// <summary>Counts and rates at one threshold (a text is flagged when its probability is at or over it).</summary>
public sealed record ThresholdPoint(double Threshold, int Flagged, double Precision, double Recall, double FalsePositiveRate, double F1, double MacroF1);

/// <summary>The threshold a target chose and whether the target was reachable on the validation data.</summary>
public sealed record ThresholdChoice(ThresholdPoint Point, bool TargetMet);
