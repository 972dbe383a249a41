namespace SpecialistPlatform.MachineLearning.Tests;

/// <summary>`eval pii --report` writes the same self-contained page the gateway serves, without a database.</summary>
public sealed class EvalReportCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specialist-eval-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Personal_data_evaluation_is_written_as_a_report_with_its_type_agnostic_scores()
    {
        var data = Path.Combine(_directory, "pii.json");
        var page = Path.Combine(_directory, "pii.html");
        (await CalibrateCliTests.Run("generate", "pii", "--out", data, "--count", "40", "--seed", "11")).Exit.ShouldBe(0);

        var result = await CalibrateCliTests.Run("eval", "pii", "--data", data, "--model", "none", "--report", page, "--note", "rules only");

        result.Exit.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Wrote " + page);
        var html = await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken);
        html.ShouldContain("<div class=\"card-title\">F2</div>");
        html.ShouldContain("CREDIT_CARD");
        html.ShouldContain("rules only");
        html.ShouldNotContain("<script");
    }
}
