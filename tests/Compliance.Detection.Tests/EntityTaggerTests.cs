using SpecialistPlatform.Compliance.Detection.Policies;
using SpecialistPlatform.Compliance.Detection.Tagging;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>A small tagger trained once for the class: 6,000 generated examples instead of the default 12,000.</summary>
public sealed class SmallTaggerFixture
{
    public SmallTaggerFixture()
    {
        Result = EntityTaggerModel.Train(seed: 11, count: 6000);
        Recognizer = new EntityTaggerRecognizer(Result.Model);
    }

    public SpanTaggerTrainingResult Result { get; }

    public EntityTaggerRecognizer Recognizer { get; }
}

public class EntityTaggerTests(SmallTaggerFixture fixture) : IClassFixture<SmallTaggerFixture>
{
    [Fact]
    public void Finds_a_person_a_company_and_a_city_in_a_note()
    {
        const string text = "Met with Anna Kowalczyk from Brightwater Logistics in Rotterdam about the renewal.";
        var findings = PersonalDataDetector.Create([], tagger: fixture.Recognizer).Detect(text);

        findings.ShouldContain(f => f.Type == PersonalDataTypes.Person && f.ValueIn(text) == "Anna Kowalczyk");
        findings.ShouldContain(f => f.Type == PersonalDataTypes.Location && f.ValueIn(text) == "Rotterdam");
        findings.ShouldContain(f => f.Type == PersonalDataTypes.Organization && f.ValueIn(text).StartsWith("Brightwater", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tagger_reads_folded_text_and_its_spans_cover_the_original_characters()
    {
        // A no-break space between the names (pasted from Word) and full-width letters in the company (an East Asian
        // input method): the tagger alone, through the detector, sees "Anna Kowalczyk" and "Brightwater".
        const string text = "Met with Anna\u00A0Kowalczyk from \uFF22rightwater Logistics in Rotterdam about the renewal.";
        var findings = new PersonalDataDetector([fixture.Recognizer]).Detect(text);

        findings.ShouldContain(f => f.Type == PersonalDataTypes.Person && f.ValueIn(text) == "Anna\u00A0Kowalczyk");
        findings.ShouldContain(f => f.Type == PersonalDataTypes.Organization && f.ValueIn(text).StartsWith("\uFF22rightwater", StringComparison.Ordinal));
    }

    [Fact]
    public void Finds_a_street_address_on_a_shipping_label()
    {
        const string text = "Deliver to: Maria Rossi, 42 Harbour Lane, Bristol.";
        var findings = PersonalDataDetector.Create([], tagger: fixture.Recognizer).Detect(text);

        findings.ShouldContain(f => f.Type == PersonalDataTypes.StreetAddress && f.ValueIn(text) == "42 Harbour Lane");
        findings.ShouldContain(f => f.Type == PersonalDataTypes.Person && f.ValueIn(text) == "Maria Rossi");
    }

    [Fact]
    public void Redacts_names_with_placeholders_and_restores_them()
    {
        const string text = "Hi, this is John Miller. Please call me back.";
        var applier = new PolicyApplier(PiiPolicy.Default, PersonalDataDetector.Create([], tagger: fixture.Recognizer));

        var result = applier.Apply(text);

        result.Text.ShouldBe("Hi, this is <PERSON_1>. Please call me back.");
        Redactor.Restore(result.Text, result.Placeholders).ShouldBe(text);
    }

    [Fact]
    public void A_validated_card_wins_over_anything_the_tagger_guesses_inside_it()
    {
        const string text = "Card holder Peter Novak, card 4111 1111 1111 1111.";
        var findings = PersonalDataDetector.Create([], tagger: fixture.Recognizer).Detect(text);

        findings.ShouldContain(f => f.Type == PersonalDataTypes.CreditCard && f.ValueIn(text) == "4111 1111 1111 1111");
        findings.Where(f => f.Recognizer == fixture.Recognizer.Name).ShouldAllBe(f => f.Score <= EntityTaggerRecognizer.MaximumScore);
    }

    [Fact]
    public void Ordinary_requests_get_no_names()
    {
        string[] texts =
        [
            "How do I change the PIN on my card?",
            "what's the weather like tomorrow",
            "My transfer has been pending for 3 days, can you check?",
            "I want to cancel my Visa card.",
        ];
        foreach (var text in texts)
            fixture.Recognizer.Recognize(text).ShouldBeEmpty(text);
    }

    [Fact]
    public void Lines_in_lower_case_only_are_skipped_but_keep_their_place_as_context()
    {
        const string text = "hello there\nregards,\nJane Doe\nsee you";
        var segments = EntityTaggerRecognizer.Segments(text);

        // Only "Jane Doe" has a capital; the line before it comes along as context.
        segments.ShouldBe([(text.IndexOf("regards", StringComparison.Ordinal), text.IndexOf("\nsee", StringComparison.Ordinal))]);
    }

    [Fact]
    public void Offsets_are_into_the_whole_text_across_lines()
    {
        const string text = "ticket opened\n\nthe customer wrote:\nPlease send it to Lukas Becker in Hamburg.\nthanks";
        var findings = fixture.Recognizer.Recognize(text).ToList();

        findings.ShouldContain(f => f.ValueIn(text) == "Lukas Becker");
        findings.ShouldContain(f => f.ValueIn(text) == "Hamburg");
    }

    [Fact]
    public void The_training_generator_gives_the_same_examples_for_the_same_seed()
    {
        var a = new EntityTrainingGenerator(3).Generate(300).ToList();
        var b = new EntityTrainingGenerator(3).Generate(300).ToList();
        var c = new EntityTrainingGenerator(4).Generate(300).ToList();

        a.Select(e => e.Text).ShouldBe(b.Select(e => e.Text));
        a.SelectMany(e => e.Spans).ShouldBe(b.SelectMany(e => e.Spans));
        a.Select(e => e.Text).ShouldNotBe(c.Select(e => e.Text));
        a.SelectMany(e => e.Spans).Select(s => s.Label).Distinct().Order().ShouldBe(EntityTrainingGenerator.Labels.Order());
        a.ShouldContain(e => e.Spans.Count == 0);
    }

    [Fact]
    public void A_saved_tagger_loads_with_its_own_features_and_is_refused_with_the_slot_features()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pii-tagger-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var path = EntityTaggerModel.Save(fixture.Result, directory, 11, 6000);
            var loaded = EntityTaggerModel.Load(directory);
            const string text = "Signed, Olivia Brandt on behalf of Northwind Traders.";
            loaded.Predict(text).ShouldBe(fixture.Result.Model.Predict(text));

            Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Load(path)).Message.ShouldContain("feature set");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_gazetteer_knows_training_locale_names_and_has_a_stable_fingerprint()
    {
        var gazetteer = EntityGazetteer.Default;

        gazetteer.Lookup("müller").HasFlag(GazetteerClass.LastName).ShouldBeTrue();
        gazetteer.Lookup("street").HasFlag(GazetteerClass.StreetSuffix).ShouldBeTrue();
        gazetteer.Fingerprint.ShouldBe(EntityGazetteer.Build(EntityGazetteer.TrainingLocales).Fingerprint);
    }

    [Fact]
    public void Emissions_from_cached_word_sums_equal_adding_every_feature_weight()
    {
        var tagger = fixture.Result.Model;
        var emissions = new EntityEmissions(tagger);
        var tags = tagger.TagCount;
        foreach (var example in new EntityTrainingGenerator(21).Generate(200))
        {
            var text = example.Text;
            var tokens = SpanTokenizer.Tokenize(text);
            var expected = new double[tokens.Count * tags];
            var perToken = EntityFeatures.Default.Extract(text, tokens, []);
            for (var t = 0; t < tokens.Count; t++)
                tagger.AddWeights(perToken[t], expected.AsSpan(t * tags, tags));

            var words = tokens.Select(token => emissions.Lookup(token.Text)).ToArray();
            var actual = new double[tokens.Count * tags];
            emissions.Score(text, tokens.ToArray(), words, actual);

            for (var i = 0; i < actual.Length; i++)
                actual[i].ShouldBe(expected[i], 1e-9, text);
        }
    }

    [Fact]
    public void Cached_trigram_and_word_class_rows_give_the_same_scores_bit_for_bit_as_looking_every_key_up()
    {
        var tagger = fixture.Result.Model;
        var emissions = new EntityEmissions(tagger);
        var tags = tagger.TagCount;
        var random = new Random(2026);
        // More distinct symbols than the cache has class indexes, so both the cached and the direct path run; each
        // text scored twice, so the second pass reads rows the first one cached.
        const string symbols = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~§°±µ·×÷€£¥©®™«»¿¡–—‘’“”•…";
        symbols.Distinct().Count().ShouldBeGreaterThan(EntityEmissions.CachedClasses);
        var texts = new EntityTrainingGenerator(23).Generate(150).Select(e => e.Text).ToList();
        for (var i = 0; i < 150; i++)
        {
            var words = new List<string>();
            for (var w = random.Next(1, 30); w > 0; w--)
            {
                words.Add(random.Next(6) switch
                {
                    0 => symbols[random.Next(symbols.Length)].ToString(),
                    1 => random.Next(1, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    2 => texts[random.Next(texts.Count)].Split(' ')[0],
                    3 => "\n",
                    4 => new string((char)random.Next('A', 'Z' + 1), random.Next(1, 4)),
                    _ => random.Next(2) == 0 ? "Jane" : "street",
                });
            }
            texts.Add(string.Join(' ', words));
        }
        var mismatches = 0;
        var cached = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var text in texts)
            {
                var tokens = SpanTokenizer.Tokenize(text).ToArray();
                var words = tokens.Select(token => emissions.Lookup(token.Text)).ToArray();
                cached += words.Count(w => w.ClassIndex >= 0);
                var actual = new double[tokens.Length * tags];
                emissions.Score(text, tokens, words, actual);
                var expected = ScoresByLookingEveryPairKeyUp(tagger, text, tokens, words);
                for (var j = 0; j < actual.Length; j++)
                {
                    if (BitConverter.DoubleToInt64Bits(actual[j]) != BitConverter.DoubleToInt64Bits(expected[j]))
                        mismatches++;
                }
            }
        }
        mismatches.ShouldBe(0);
        cached.ShouldBeGreaterThan(0);
        texts.SelectMany(t => SpanTokenizer.Tokenize(t)).Select(t => emissions.Lookup(t.Text)).ShouldContain(w => w.ClassIndex < 0);
    }

    /// <summary>What <see cref="EntityEmissions.Score"/> computed before the pair rows were cached: the five word sums, then every position and pair key looked up, in key order.</summary>
    private static double[] ScoresByLookingEveryPairKeyUp(SpanTagger tagger, string text, SpanToken[] tokens, EntityEmissions.WordScores[] words)
    {
        var tags = tagger.TagCount;
        var n = tokens.Length;
        var scores = new double[n * tags];
        var keys = new List<ulong>();
        for (var t = 0; t < n; t++)
        {
            var row = scores.AsSpan(t * tags, tags);
            for (var k = -EntityFeatures.Reach; k <= EntityFeatures.Reach; k++)
            {
                if (t + k < 0 || t + k >= n)
                {
                    // Boundary words add only their neighbour features; their sums are those of a word with the boundary's facts.
                    keys.Clear();
                    EntityFeatures.AddNeighbourKeys(k, t + k < 0 ? EntityTokenFacts.BeforeStart : EntityTokenFacts.AfterEnd, keys);
                    var boundary = new double[tags];
                    tagger.AddWeights(keys.ToArray(), boundary);
                    for (var y = 0; y < tags; y++)
                        row[y] += boundary[y];
                    continue;
                }
                var sums = words[t + k].Scores.AsSpan((k + EntityFeatures.Reach) * tags, tags);
                for (var y = 0; y < tags; y++)
                    row[y] += sums[y];
            }
            keys.Clear();
            EntityFeatures.AddPositionKeys(t == 0 || EntityFeatures.LineBreakBetween(text, tokens[t - 1].End, tokens[t].Start), t == 0, words[t].Facts.Class, keys);
            EntityFeatures.AddPairKeys(t > 0 ? words[t - 1].Facts : EntityTokenFacts.BeforeStart, words[t].Facts,
                t + 1 < n ? words[t + 1].Facts : EntityTokenFacts.AfterEnd, keys);
            tagger.AddWeights(keys.ToArray(), row);
        }
        return scores;
    }

    [Fact]
    public void Tagging_windows_of_one_tokenisation_finds_what_tagging_each_window_text_finds()
    {
        var recognizer = fixture.Recognizer;
        var emissions = new EntityEmissions(recognizer.Tagger);
        foreach (var example in new EntityTrainingGenerator(22).Generate(200))
        {
            var text = example.Text;
            var expected = new List<(string, int, int)>();
            foreach (var (segmentStart, segmentEnd) in EntityTaggerRecognizer.Segments(text))
            {
                var tokens = SpanTokenizer.Tokenize(text, segmentStart, segmentEnd);
                var words = tokens.Select(token => emissions.Lookup(token.Text)).ToArray();
                foreach (var (first, last) in EntityTaggerRecognizer.Windows(text, tokens.ToArray(), words))
                {
                    var start = tokens[first].Start;
                    expected.AddRange(recognizer.Tagger.Predict(text[start..tokens[last].End]).Select(s => (s.Label, start + s.Start, start + s.End)));
                }
            }

            recognizer.Recognize(text).Select(f => (f.Type, f.Start, f.End)).ShouldBe(expected, text);
        }
    }
}
