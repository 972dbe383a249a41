using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Tests;

/// <summary>A small, deterministic intent dataset: a few banking intents plus out-of-scope chatter.</summary>
internal static class SyntheticIntents
{
    private static readonly Dictionary<string, string[]> Phrases = new()
    {
        ["card_arrival"] = ["my card has not arrived", "where is my new card", "when will my card be delivered", "the card still hasn't come", "track the delivery of my card", "card never showed up in the post"],
        ["exchange_rate"] = ["what is the exchange rate", "how much is a euro in dollars", "currency conversion rate today", "which rate do you use to convert pounds", "rate for changing money abroad", "how many yen for one pound"],
        ["lost_card"] = ["i lost my card", "my card was stolen", "someone took my wallet with the card", "cannot find my card anywhere", "block my missing card", "i think i dropped my card on the bus"],
        ["top_up"] = ["add money to my account", "how do i top up", "top up with a bank transfer", "put cash on my balance", "my top up failed", "can i load funds by card"],
        ["oos"] = ["what is the weather in paris", "tell me a joke", "how tall is mount everest", "play some jazz music", "who won the football match", "recipe for chocolate cake"],
    };

    private static readonly string[] Prefixes = ["", "hi, ", "please ", "can you help: ", "hello, ", "quick question, "];
    private static readonly string[] Suffixes = ["", "?", " please", " thanks", " right now", "!"];

    public static IReadOnlyList<string> Labels => Phrases.Keys.ToArray();

    public static List<LabeledExample> Generate(int perLabel, int seed)
    {
        var rng = new Random(seed);
        var examples = new List<LabeledExample>();
        foreach (var (label, phrases) in Phrases)
        {
            for (var i = 0; i < perLabel; i++)
            {
                var text = Prefixes[rng.Next(Prefixes.Length)] + phrases[rng.Next(phrases.Length)] + Suffixes[rng.Next(Suffixes.Length)];
                examples.Add(new LabeledExample(text, label));
            }
        }
        return examples;
    }

    public static IntentTrainingOptions FastOptions(int seed = 7) => new()
    {
        Seed = seed,
        ValidationFraction = 0.25,
        Linear = new() { Epochs = 5 },
        Components = [new() { HashBits = 16 }],
    };
}
