using SpecialistPlatform.MachineLearning.Artifacts;

namespace SpecialistPlatform.MachineLearning.Tests;

/// <summary>The per-machine cache of default models: whole folders only, and old recipes cleared away.</summary>
public sealed class ModelCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("specialist-model-cache-").FullName;

    [Fact]
    public void A_published_recipe_appears_whole_and_stale_recipes_beside_it_are_removed_while_recent_ones_stay()
    {
        var stale = Directory.CreateDirectory(Path.Combine(_root, "old-recipe"));
        Directory.SetLastWriteTimeUtc(stale.FullName, DateTime.UtcNow - ModelCache.StaleAfter - TimeSpan.FromDays(1));
        var recent = Directory.CreateDirectory(Path.Combine(_root, "other-build"));
        var target = Path.Combine(_root, "new-recipe");

        ModelCache.Publish(target, folder => File.WriteAllText(Path.Combine(folder, "model.bin"), "weights"));

        File.ReadAllText(Path.Combine(target, "model.bin")).ShouldBe("weights");
        Directory.Exists(stale.FullName).ShouldBeFalse();
        Directory.Exists(recent.FullName).ShouldBeTrue();
        Directory.GetDirectories(_root).ShouldNotContain(d => d.Contains(".tmp-"));
    }

    [Fact]
    public void Publishing_over_an_existing_recipe_replaces_it()
    {
        var target = Path.Combine(_root, "recipe");
        ModelCache.Publish(target, folder => File.WriteAllText(Path.Combine(folder, "model.bin"), "first"));

        ModelCache.Publish(target, folder => File.WriteAllText(Path.Combine(folder, "model.bin"), "second"));

        File.ReadAllText(Path.Combine(target, "model.bin")).ShouldBe("second");
    }

    [Fact]
    public void A_recipe_key_changes_with_the_data_and_the_settings_and_nothing_else()
    {
        var data = Path.Combine(_root, "train.csv");
        File.WriteAllText(data, "text,category\nwhere is my card,card_arrival\n");
        var key = ModelCache.RecipeKey([data], "seed=42", typeof(ModelCache));

        ModelCache.RecipeKey([data], "seed=42", typeof(ModelCache)).ShouldBe(key);
        ModelCache.RecipeKey([data], "seed=43", typeof(ModelCache)).ShouldNotBe(key);
        File.AppendAllText(data, "card stuck in the machine,card_swallowed\n");
        ModelCache.RecipeKey([data], "seed=42", typeof(ModelCache)).ShouldNotBe(key);
    }

    [Fact]
    public void The_cache_root_is_the_configured_folder_before_the_environment_variable()
    {
        ModelCache.Root(_root, "SPECIALIST_TEST_UNSET_CACHE_VARIABLE", "intent").ShouldBe(_root);
        ModelCache.Root(null, "SPECIALIST_TEST_UNSET_CACHE_VARIABLE", "intent").ShouldEndWith(Path.Combine("specialist", "intent"));
    }

    [Fact]
    public void A_cached_artifact_is_read_without_training_and_a_damaged_one_is_trained_again()
    {
        var directory = Path.Combine(_root, "recipe");
        var trainings = 0;
        var unusable = new List<ModelFormatException>();
        (byte[], string) Train() { trainings++; return ("weights"u8.ToArray(), "trained"); }
        string Read(byte[] bytes) => bytes.SequenceEqual("weights"u8.ToArray()) ? "read" : throw new ModelFormatException("checksum mismatch");

        var first = ModelCache.ReadOrTrain(directory, Read, Train, unusable.Add);
        (first.Model, first.FromCache).ShouldBe(("trained", false));
        first.Artifact.ShouldBe("weights"u8.ToArray());
        var second = ModelCache.ReadOrTrain(directory, Read, Train, unusable.Add);
        (second.Model, second.FromCache).ShouldBe(("read", true));
        trainings.ShouldBe(1);

        File.WriteAllText(Path.Combine(directory, ModelCache.ArtifactFile), "torn");
        var again = ModelCache.ReadOrTrain(directory, Read, Train, unusable.Add);
        (again.Model, again.FromCache, trainings, unusable.Count).ShouldBe(("trained", false, 2, 1));
        File.ReadAllText(Path.Combine(directory, ModelCache.ArtifactFile)).ShouldBe("weights");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
