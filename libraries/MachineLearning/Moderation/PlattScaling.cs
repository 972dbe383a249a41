namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// p = sigmoid(Scale * margin + Offset), fitted on validation data by Newton's method on the log-loss (Platt 1999,
/// with his smoothed targets). It is the router's temperature scaling (Offset 0, Scale 1/T) plus a shift: the heads
/// are trained with their rare positives repeated, which moves the margin's zero, and only a shift can move it back.
/// </summary>
public sealed record PlattScaling(double Scale, double Offset)
{
    public static PlattScaling Identity { get; } = new(1, 0);

    public float Probability(float margin) => (float)(1 / (1 + Math.Exp(-(Scale * margin + Offset))));

    public static PlattScaling Fit(IReadOnlyList<float> margins, IReadOnlyList<bool> positive)
    {
        var positives = positive.Count(p => p);
        var negatives = margins.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return Identity;
        }
        // Platt's targets keep the fit finite when the classes separate perfectly.
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        double Loss(double a, double b)
        {
            var total = 0.0;
            for (var i = 0; i < margins.Count; i++)
            {
                var z = a * margins[i] + b;
                var t = positive[i] ? high : low;
                // log(1 + e^z) - t z, written to stay finite for large |z|.
                total += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - t * z;
            }
            return total;
        }

        double a = 1, b = 0;
        var loss = Loss(a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double gA = 0, gB = 0, hAA = 1e-9, hAB = 0, hBB = 1e-9;
            for (var i = 0; i < margins.Count; i++)
            {
                var z = margins[i];
                var p = 1 / (1 + Math.Exp(-(a * z + b)));
                var t = positive[i] ? high : low;
                var d = p - t;
                var w = p * (1 - p);
                gA += d * z;
                gB += d;
                hAA += w * z * z;
                hAB += w * z;
                hBB += w;
            }
            var determinant = hAA * hBB - hAB * hAB;
            if (Math.Abs(determinant) < 1e-12)
            {
                break;
            }
            var stepA = (hBB * gA - hAB * gB) / determinant;
            var stepB = (hAA * gB - hAB * gA) / determinant;
            // Newton's step can overshoot where the margins are large; halve it until the loss falls.
            var factor = 1.0;
            var next = Loss(a - stepA, b - stepB);
            while (!(next < loss) && factor > 1e-6)
            {
                factor /= 2;
                next = Loss(a - factor * stepA, b - factor * stepB);
            }
            if (!(next < loss))
            {
                break;
            }
            a -= factor * stepA;
            b -= factor * stepB;
            var improvement = loss - next;
            loss = next;
            if (improvement < 1e-10 * margins.Count)
            {
                break;
            }
        }
        return double.IsFinite(a) && double.IsFinite(b) ? new PlattScaling(a, b) : Identity;
    }
}
