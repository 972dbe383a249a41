using System.Runtime.Intrinsics;

namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>
/// Linear-chain CRF arithmetic over BIO tags (tag 0 = O, 2k+1 = B-label k, 2k+2 = I-label k). Transition
/// scores are a (T+1) x T matrix whose last row is the start state; an I tag may only follow the B or I tag of
/// its own label, which Viterbi and forward-backward enforce as hard constraints, so every decoded sequence
/// is a valid set of spans. All sums are in log space with doubles.
/// </summary>
internal static class LinearChainCrf
{
    public static bool Allowed(int previous, int tag, int tagCount)
    {
        if (tag == 0 || (tag & 1) == 1)
        {
            return true;
        }
        // I-k: the previous tag must be B-k (tag - 1) or I-k (tag), never the start state.
        return previous < tagCount && (previous == tag || previous == tag - 1);
    }

    public static bool[] AllowedMatrix(int tagCount)
    {
        var allowed = new bool[(tagCount + 1) * tagCount];
        for (var p = 0; p <= tagCount; p++)
        {
            for (var y = 0; y < tagCount; y++)
            {
                allowed[p * tagCount + y] = Allowed(p, y, tagCount);
            }
        }
        return allowed;
    }

    public static int[] Viterbi(int n, int tags, double[] emissions, float[] transitions, bool[] allowed)
    {
        var path = new int[n];
        if (n > 0)
        {
            Viterbi(n, tags, emissions, transitions, allowed, new double[n * tags], new int[n * tags], path);
        }
        return path;
    }

    /// <summary>Viterbi into caller-owned buffers (at least n x tags, n x tags and n long); the best path is written to <paramref name="path"/>.</summary>
    public static void Viterbi(int n, int tags, ReadOnlySpan<double> emissions, float[] transitions, bool[] allowed, double[] score, int[] back, int[] path) =>
        Viterbi(n, tags, emissions, transitions, allowed, score, back, path, Vector256.IsHardwareAccelerated);

    /// <summary>
    /// Viterbi, four tags per vector instruction when <paramref name="vectorized"/>: each lane takes the maximum over the
    /// previous tags in the same order with the same strict comparison, so it keeps the same (first) best previous tag
    /// and the same sums as the scalar loop, bit for bit.
    /// </summary>
    internal static void Viterbi(int n, int tags, ReadOnlySpan<double> emissions, float[] transitions, bool[] allowed, double[] score, int[] back, int[] path,
        bool vectorized)
    {
        if (n == 0)
        {
            return;
        }
        if (vectorized && tags >= Vector256<double>.Count)
        {
            ViterbiVectorized(n, tags, emissions, transitions, allowed, score, back, path);
            return;
        }
        StartScores(tags, emissions, transitions, allowed, score);
        // The transitions into each tag side by side, -infinity where not allowed: the inner loop then runs over two
        // spans without branches or bounds checks, and a disallowed step still never wins (same paths as skipping it).
        Span<double> into = stackalloc double[tags * tags];
        for (var p = 0; p < tags; p++)
        {
            for (var y = 0; y < tags; y++)
            {
                into[y * tags + p] = allowed[p * tags + y] ? transitions[p * tags + y] : double.NegativeInfinity;
            }
        }
        for (var t = 1; t < n; t++)
        {
            ReadOnlySpan<double> previous = score.AsSpan((t - 1) * tags, tags);
            for (var y = 0; y < tags; y++)
            {
                ReadOnlySpan<double> column = into.Slice(y * tags, tags);
                var best = double.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < previous.Length && p < column.Length; p++)
                {
                    var s = previous[p] + column[p];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }
                score[t * tags + y] = best + emissions[t * tags + y];
                back[t * tags + y] = arg;
            }
        }
        Backtrack(n, tags, score, back, path);
    }

    private static void ViterbiVectorized(int n, int tags, ReadOnlySpan<double> emissions, float[] transitions, bool[] allowed, double[] score, int[] back, int[] path)
    {
        var lanes = Vector256<double>.Count;
        StartScores(tags, emissions, transitions, allowed, score);
        // The transitions out of each previous tag side by side (row p: p -> every y), -infinity where not allowed.
        Span<double> from = stackalloc double[tags * tags];
        for (var p = 0; p < tags; p++)
        {
            for (var y = 0; y < tags; y++)
            {
                from[p * tags + y] = allowed[p * tags + y] ? transitions[p * tags + y] : double.NegativeInfinity;
            }
        }
        Span<double> args = stackalloc double[lanes];
        for (var t = 1; t < n; t++)
        {
            ReadOnlySpan<double> previous = score.AsSpan((t - 1) * tags, tags);
            var y = 0;
            for (; y + lanes <= tags; y += lanes)
            {
                var best = Vector256.Create(double.NegativeInfinity);
                var arg = Vector256<double>.Zero;
                for (var p = 0; p < tags; p++)
                {
                    var s = Vector256.Create(previous[p]) + Vector256.Create(from.Slice(p * tags + y, lanes));
                    var better = Vector256.GreaterThan(s, best);
                    best = Vector256.ConditionalSelect(better, s, best);
                    arg = Vector256.ConditionalSelect(better, Vector256.Create((double)p), arg);
                }
                (best + Vector256.Create(emissions.Slice(t * tags + y, lanes))).CopyTo(score.AsSpan(t * tags + y, lanes));
                arg.CopyTo(args);
                for (var l = 0; l < lanes; l++)
                {
                    back[t * tags + y + l] = (int)args[l];
                }
            }
            for (; y < tags; y++)
            {
                var best = double.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < tags; p++)
                {
                    var s = previous[p] + from[p * tags + y];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }
                score[t * tags + y] = best + emissions[t * tags + y];
                back[t * tags + y] = arg;
            }
        }
        Backtrack(n, tags, score, back, path);
    }

    /// <summary>The first position's scores: the start transition (the row after the tags) plus the emission, -infinity
    /// where a tag may not start.</summary>
    private static void StartScores(int tags, ReadOnlySpan<double> emissions, float[] transitions, bool[] allowed, double[] score)
    {
        for (var y = 0; y < tags; y++)
        {
            score[y] = allowed[tags * tags + y] ? transitions[tags * tags + y] + emissions[y] : double.NegativeInfinity;
        }
    }

    /// <summary>The best last tag, then back through the stored best predecessors.</summary>
    private static void Backtrack(int n, int tags, double[] score, int[] back, int[] path)
    {
        var last = 0;
        for (var y = 1; y < tags; y++)
        {
            if (score[(n - 1) * tags + y] > score[(n - 1) * tags + last])
            {
                last = y;
            }
        }
        path[n - 1] = last;
        for (var t = n - 1; t > 0; t--)
        {
            path[t - 1] = back[t * tags + path[t]];
        }
    }

    /// <summary>Forward (alpha includes the emission at t) and backward (beta excludes it) log scores; returns log Z.</summary>
    public static double ForwardBackward(int n, int tags, double[] emissions, float[] transitions, bool[] allowed, double[] alpha, double[] beta)
    {
        Span<double> terms = stackalloc double[tags];
        for (var y = 0; y < tags; y++)
        {
            alpha[y] = allowed[tags * tags + y] ? transitions[tags * tags + y] + emissions[y] : double.NegativeInfinity;
        }
        for (var t = 1; t < n; t++)
        {
            for (var y = 0; y < tags; y++)
            {
                for (var p = 0; p < tags; p++)
                {
                    terms[p] = allowed[p * tags + y] ? alpha[(t - 1) * tags + p] + transitions[p * tags + y] : double.NegativeInfinity;
                }
                alpha[t * tags + y] = LogSumExp(terms) + emissions[t * tags + y];
            }
        }
        for (var y = 0; y < tags; y++)
        {
            beta[(n - 1) * tags + y] = 0;
        }
        for (var t = n - 2; t >= 0; t--)
        {
            for (var y = 0; y < tags; y++)
            {
                for (var x = 0; x < tags; x++)
                {
                    terms[x] = allowed[y * tags + x]
                        ? transitions[y * tags + x] + emissions[(t + 1) * tags + x] + beta[(t + 1) * tags + x]
                        : double.NegativeInfinity;
                }
                beta[t * tags + y] = LogSumExp(terms);
            }
        }
        return LogSumExp(alpha.AsSpan((n - 1) * tags, tags));
    }

    /// <summary>
    /// Probability that tokens [first, last] are exactly one span of label k: B-k at first, I-k through last,
    /// and no I-k right after it.
    /// </summary>
    public static double SpanProbability(int n, int tags, double[] emissions, float[] transitions, bool[] allowed,
        double[] alpha, double[] beta, double logZ, int first, int last, int label)
    {
        var b = 2 * label + 1;
        var i = b + 1;
        var score = alpha[first * tags + b];
        var previous = b;
        for (var t = first + 1; t <= last; t++)
        {
            score += transitions[previous * tags + i] + emissions[t * tags + i];
            previous = i;
        }
        if (last + 1 < n)
        {
            Span<double> terms = stackalloc double[tags];
            for (var x = 0; x < tags; x++)
            {
                terms[x] = x != i && allowed[previous * tags + x]
                    ? transitions[previous * tags + x] + emissions[(last + 1) * tags + x] + beta[(last + 1) * tags + x]
                    : double.NegativeInfinity;
            }
            score += LogSumExp(terms);
        }
        return Math.Clamp(Math.Exp(score - logZ), 0, 1);
    }

    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (v > max)
            {
                max = v;
            }
        }
        if (double.IsNegativeInfinity(max))
        {
            return max;
        }
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }
        return max + Math.Log(sum);
    }

    /// <summary>exp(transition) where allowed, 0 where not: the probability-space transition matrix.</summary>
    public static double[] ExpTransitions(int tags, float[] transitions, bool[] allowed)
    {
        var m = new double[transitions.Length];
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = allowed[i] ? Math.Exp(transitions[i]) : 0;
        }
        return m;
    }

    /// <summary>
    /// Forward-backward in probability space with per-step scaling (no exponentials in the inner loops):
    /// psi[t, y] = exp(emission - max at t); alphaHat and betaHat are the scaled forward and backward vectors and
    /// scales[t] the forward normaliser at t, so that the node marginal is alphaHat * betaHat. The sums run over
    /// <paramref name="neighbours"/> only (see <see cref="TagNeighbours"/>: the same values as over every tag).
    /// </summary>
    public static void ScaledForwardBackward(int n, int tags, ReadOnlySpan<double> emissions, double[] expTransitions,
        TagNeighbours neighbours, double[] psi, double[] alphaHat, double[] betaHat, double[] scales) =>
        ScaledForwardBackward(n, tags, emissions, expTransitions, neighbours, psi, alphaHat, betaHat, scales, Vector256.IsHardwareAccelerated);

    /// <summary>
    /// <see cref="ScaledForwardBackward(int, int, ReadOnlySpan{double}, double[], TagNeighbours, double[], double[], double[], double[])"/>,
    /// four tags per vector instruction when <paramref name="vectorized"/>. The vector sums run over every tag in
    /// ascending order: a disallowed step's probability is exactly 0, so its product adds exactly +0 (see
    /// <see cref="TagNeighbours"/>), and each lane does the other products and additions in the scalar order, so
    /// alpha, beta and the scales are bit for bit the same.
    /// </summary>
    internal static void ScaledForwardBackward(int n, int tags, ReadOnlySpan<double> emissions, double[] expTransitions,
        TagNeighbours neighbours, double[] psi, double[] alphaHat, double[] betaHat, double[] scales, bool vectorized)
    {
        for (var t = 0; t < n; t++)
        {
            var max = double.NegativeInfinity;
            for (var y = 0; y < tags; y++)
            {
                max = Math.Max(max, emissions[t * tags + y]);
            }
            for (var y = 0; y < tags; y++)
            {
                psi[t * tags + y] = Math.Exp(emissions[t * tags + y] - max);
            }
        }
        var sum = 0.0;
        for (var y = 0; y < tags; y++)
        {
            alphaHat[y] = expTransitions[tags * tags + y] * psi[y];
            sum += alphaHat[y];
        }
        scales[0] = sum;
        for (var y = 0; y < tags; y++)
        {
            alphaHat[y] /= sum;
        }
        if (vectorized && tags >= Vector256<double>.Count)
        {
            ForwardBackwardVectorized(n, tags, expTransitions, psi, alphaHat, betaHat, scales);
            return;
        }
        for (var t = 1; t < n; t++)
        {
            sum = 0;
            for (var y = 0; y < tags; y++)
            {
                var a = 0.0;
                foreach (var p in neighbours.Before[y])
                {
                    a += alphaHat[(t - 1) * tags + p] * expTransitions[p * tags + y];
                }
                a *= psi[t * tags + y];
                alphaHat[t * tags + y] = a;
                sum += a;
            }
            scales[t] = sum;
            for (var y = 0; y < tags; y++)
            {
                alphaHat[t * tags + y] /= sum;
            }
        }
        for (var y = 0; y < tags; y++)
        {
            betaHat[(n - 1) * tags + y] = 1;
        }
        for (var t = n - 2; t >= 0; t--)
        {
            for (var y = 0; y < tags; y++)
            {
                var b = 0.0;
                foreach (var x in neighbours.After[y])
                {
                    b += expTransitions[y * tags + x] * psi[(t + 1) * tags + x] * betaHat[(t + 1) * tags + x];
                }
                betaHat[t * tags + y] = b / scales[t + 1];
            }
        }
    }

    /// <summary>The forward steps from t = 1 and the backward pass of <see cref="ScaledForwardBackward(int, int, ReadOnlySpan{double}, double[], TagNeighbours, double[], double[], double[], double[], bool)"/>, over every tag, four tags per instruction.</summary>
    private static void ForwardBackwardVectorized(int n, int tags, double[] expTransitions, double[] psi, double[] alphaHat, double[] betaHat, double[] scales)
    {
        var lanes = Vector256<double>.Count;
        for (var t = 1; t < n; t++)
        {
            var y = 0;
            for (; y + lanes <= tags; y += lanes)
            {
                var a = Vector256<double>.Zero;
                for (var p = 0; p < tags; p++)
                {
                    a += Vector256.Create(alphaHat[(t - 1) * tags + p]) * Vector256.Create(expTransitions.AsSpan(p * tags + y, lanes));
                }
                (a * Vector256.Create(psi.AsSpan(t * tags + y, lanes))).CopyTo(alphaHat.AsSpan(t * tags + y, lanes));
            }
            for (; y < tags; y++)
            {
                var a = 0.0;
                for (var p = 0; p < tags; p++)
                {
                    a += alphaHat[(t - 1) * tags + p] * expTransitions[p * tags + y];
                }
                alphaHat[t * tags + y] = a * psi[t * tags + y];
            }
            var sum = 0.0;
            for (y = 0; y < tags; y++)
            {
                sum += alphaHat[t * tags + y];
            }
            scales[t] = sum;
            for (y = 0; y + lanes <= tags; y += lanes)
            {
                (Vector256.Create(alphaHat.AsSpan(t * tags + y, lanes)) / Vector256.Create(sum)).CopyTo(alphaHat.AsSpan(t * tags + y, lanes));
            }
            for (; y < tags; y++)
            {
                alphaHat[t * tags + y] /= sum;
            }
        }
        for (var y = 0; y < tags; y++)
        {
            betaHat[(n - 1) * tags + y] = 1;
        }
        // Transitions into each next tag side by side (row x: every y -> x), for the backward sums over x.
        Span<double> into = stackalloc double[tags * tags];
        for (var y = 0; y < tags; y++)
        {
            for (var x = 0; x < tags; x++)
            {
                into[x * tags + y] = expTransitions[y * tags + x];
            }
        }
        for (var t = n - 2; t >= 0; t--)
        {
            var y = 0;
            for (; y + lanes <= tags; y += lanes)
            {
                var b = Vector256<double>.Zero;
                for (var x = 0; x < tags; x++)
                {
                    b += Vector256.Create(into.Slice(x * tags + y, lanes)) * Vector256.Create(psi[(t + 1) * tags + x]) * Vector256.Create(betaHat[(t + 1) * tags + x]);
                }
                (b / Vector256.Create(scales[t + 1])).CopyTo(betaHat.AsSpan(t * tags + y, lanes));
            }
            for (; y < tags; y++)
            {
                var b = 0.0;
                for (var x = 0; x < tags; x++)
                {
                    b += expTransitions[y * tags + x] * psi[(t + 1) * tags + x] * betaHat[(t + 1) * tags + x];
                }
                betaHat[t * tags + y] = b / scales[t + 1];
            }
        }
    }

    /// <summary>The probability-space counterpart of <see cref="SpanProbability"/>, over <see cref="ScaledForwardBackward"/>'s output.</summary>
    public static double ScaledSpanProbability(int n, int tags, double[] expTransitions, double[] psi, double[] alphaHat,
        double[] betaHat, double[] scales, int first, int last, int label)
    {
        var b = 2 * label + 1;
        var i = b + 1;
        var p = alphaHat[first * tags + b];
        var previous = b;
        for (var t = first + 1; t <= last; t++)
        {
            p *= expTransitions[previous * tags + i] * psi[t * tags + i] / scales[t];
            previous = i;
        }
        if (last + 1 < n)
        {
            var next = 0.0;
            for (var x = 0; x < tags; x++)
            {
                if (x != i)
                {
                    next += expTransitions[previous * tags + x] * psi[(last + 1) * tags + x] * betaHat[(last + 1) * tags + x];
                }
            }
            p *= next / scales[last + 1];
        }
        return Math.Clamp(p, 0, 1);
    }
}
