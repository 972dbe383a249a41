using SpecialistPlatform.Compliance.Detection.Policies;
using SpecialistPlatform.MachineLearning.Moderation;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>The moderation half of a tenant's policy file: what a flagged category does to a job.</summary>
public sealed class ModerationPolicyTests
{
    [Fact]
    public void By_default_harmful_content_is_flagged_and_instructions_to_the_model_go_to_review()
    {
        var policy = PolicyDocument.Parse("{}").ToModerationPolicy();

        policy.For([]).ShouldBe(ModerationAction.Allow);
        policy.For([ModerationCategories.Hate, ModerationCategories.Violence]).ShouldBe(ModerationAction.Flag);
        policy.For([ModerationCategories.Jailbreak]).ShouldBe(ModerationAction.Review);
        policy.For([ModerationCategories.Injection]).ShouldBe(ModerationAction.Review);
        policy.Actions.Keys.Order().ShouldBe(ModerationCategories.All.Order());
    }

    [Fact]
    public void A_policy_file_overrides_some_categories_and_the_strongest_action_of_the_flagged_ones_wins()
    {
        var policy = PolicyDocument.Parse("""{"moderation": {"offensive": "allow", "hate": "review", "jailbreak": "block"}}""").ToModerationPolicy();

        policy.For([ModerationCategories.Offensive]).ShouldBe(ModerationAction.Allow);
        policy.For([ModerationCategories.Offensive, ModerationCategories.Hate]).ShouldBe(ModerationAction.Review);
        policy.For([ModerationCategories.Hate, ModerationCategories.Jailbreak]).ShouldBe(ModerationAction.Block);
        // Categories the file does not name keep their defaults.
        policy.For([ModerationCategories.Injection]).ShouldBe(ModerationAction.Review);
        policy.For([ModerationCategories.Sexual]).ShouldBe(ModerationAction.Flag);
    }

    [Theory]
    [InlineData("""{"moderation": {"spam": "block"}}""", "spam")]
    [InlineData("""{"moderation": {"hate": "delete"}}""", "moderation.hate")]
    public void A_policy_naming_an_unknown_category_or_action_is_refused_with_the_name(string json, string named)
    {
        var error = Should.Throw<ArgumentException>(() => PolicyDocument.Parse(json).ToModerationPolicy());

        error.Message.ShouldContain(named);
    }
}
