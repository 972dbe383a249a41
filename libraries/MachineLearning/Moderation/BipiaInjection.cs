namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>Where an attack instruction goes inside a clean context, the three placements the BIPIA benchmark uses.</summary>
public enum InjectionPosition
{
    Start,
    Middle,
    End,
}

/// <summary>
/// Builds indirect-injection samples the way the BIPIA benchmark does: a clean external context (an e-mail, a table,
/// a code answer) with an attack instruction inserted at its start, its middle or its end.
/// </summary>
public static class BipiaInjection
{
    public static IReadOnlyList<InjectionPosition> Positions { get; } = [InjectionPosition.Start, InjectionPosition.Middle, InjectionPosition.End];

    /// <returns>The injected text and where the attack starts in it (it runs for attack.Length characters).</returns>
    public static (string Text, int AttackStart) Insert(string context, string attack, InjectionPosition position) => position switch
    {
        InjectionPosition.Start => (attack + "\n" + context, 0),
        InjectionPosition.End => (context + "\n" + attack, context.Length + 1),
        _ => InsertInMiddle(context, attack),
    };

    /// <summary>At the sentence or line boundary nearest the middle, so that the attack never splits a word.</summary>
    private static (string, int) InsertInMiddle(string context, string attack)
    {
        var middle = context.Length / 2;
        var best = -1;
        for (var i = 0; i < context.Length; i++)
        {
            var boundary = context[i] == '\n' || (i > 0 && context[i] == ' ' && context[i - 1] is '.' or '!' or '?');
            if (boundary && (best < 0 || Math.Abs(i - middle) < Math.Abs(best - middle)))
            {
                best = i;
            }
        }
        if (best < 0)
        {
            best = context.LastIndexOf(' ', Math.Max(0, middle));
        }
        return best <= 0 ? (context + "\n" + attack, context.Length + 1) : (context[..best] + "\n" + attack + "\n" + context[(best + 1)..], best + 1);
    }
}
