namespace SpecialistPlatform.MachineLearning.Training;

/// <summary>What the automatic out-of-scope threshold maximises on validation data with out-of-scope examples.</summary>
public enum OosCriterion
{
    /// <summary>In-scope accuracy + out-of-scope recall: both populations weigh the same, however rare out-of-scope texts are.</summary>
    Balanced,

    /// <summary>Plain accuracy over all validation texts (a correct in-scope label or a detected out-of-scope text each count one).</summary>
    Accuracy,
}

/// <summary>
/// Chooses the max-probability threshold below which a text is called out of scope.
/// With out-of-scope examples in validation the default criterion (<see cref="OosCriterion.Balanced"/>) is
/// to maximise in-scope accuracy + out-of-scope recall (equal weight to both populations, so the rare
/// out-of-scope class is not drowned by the in-scope majority); <see cref="OosCriterion.Accuracy"/>
/// maximises plain accuracy instead. Ties go to the lowest threshold. Without any, it is the
/// highest threshold whose rejections cost at most <c>maxAccuracyLoss</c> of validation accuracy.
/// Candidate thresholds sit midway between consecutive distinct validation confidences.
/// </summary>
public static class OutOfScopeThreshold
{
    /// <param name="topProbability">Calibrated top probability per validation example.</param>
    /// <param name="topIsOos">Whether the top class is the trained out-of-scope class (such examples are out of scope whatever the threshold).</param>
    /// <param name="topIsCorrect">Whether the top class equals the gold label.</param>
    /// <param name="goldIsOos">Whether the gold label is out of scope.</param>
    public static double Choose(
        IReadOnlyList<double> topProbability,
        IReadOnlyList<bool> topIsOos,
        IReadOnlyList<bool> topIsCorrect,
        IReadOnlyList<bool> goldIsOos,
        double maxAccuracyLoss,
        OosCriterion criterion = OosCriterion.Balanced)
    {
        var n = topProbability.Count;
        var inScope = goldIsOos.Count(g => !g);
        var oos = n - inScope;
        if (inScope == 0)
        {
            return 0;
        }

        var candidates = Enumerable.Range(0, n).Where(i => !topIsOos[i]).OrderBy(i => topProbability[i]).ThenBy(i => i).ToArray();
        var inScopeCorrect = Enumerable.Range(0, n).Count(i => !goldIsOos[i] && topIsCorrect[i]);
        var oosDetected = Enumerable.Range(0, n).Count(i => goldIsOos[i] && topIsOos[i]);
        var correctLost = 0;
        var bestThreshold = 0.0;
        var bestScore = Score(inScopeCorrect, oosDetected);

        for (var k = 0; k < candidates.Length; k++)
        {
            var i = candidates[k];
            if (goldIsOos[i])
            {
                oosDetected++;
            }
            else if (topIsCorrect[i])
            {
                inScopeCorrect--;
                correctLost++;
            }
            var here = topProbability[i];
            var next = k + 1 < candidates.Length ? topProbability[candidates[k + 1]] : 1.0;
            if (next <= here)
            {
                continue; // tied confidences are rejected together or not at all
            }
            var threshold = (here + next) / 2;
            if (oos > 0)
            {
                var score = Score(inScopeCorrect, oosDetected);
                if (score > bestScore + 1e-12)
                {
                    bestScore = score;
                    bestThreshold = threshold;
                }
            }
            else if (correctLost <= maxAccuracyLoss * n)
            {
                bestThreshold = threshold;
            }
            else
            {
                break;
            }
        }
        return bestThreshold;

        double Score(int correct, int detected) => criterion == OosCriterion.Accuracy
            ? (double)(correct + detected) / n
            : (double)correct / inScope + (oos > 0 ? (double)detected / oos : 0);
    }
}
