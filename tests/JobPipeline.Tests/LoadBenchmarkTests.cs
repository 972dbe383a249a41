using SpecialistPlatform.Cli;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>The load benchmark against a running platform: what it reports, not how fast (numbers belong in the
/// README, measured by the command itself).</summary>
[Collection(ServingIntentModel.Name)]
public sealed class LoadBenchmarkTests(PlatformFixture platform)
{
    [Fact]
    public async Task Bench_load_finishes_every_job_and_says_where_each_job_s_CPU_went()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(
            ["bench", "load", "--data-dir", platform.DataDirectory, "--api-key", PlatformFixture.DevApiKey, "--jobs", "20", "--rate", "20",
                "--broker-seconds", "1"],
            output, error, TestContext.Current.CancellationToken);

        exit.ShouldBe(0, $"{output}\n{error}");
        var report = output.ToString();
        report.ShouldContain("jobs finished               20");
        report.ShouldContain("errors                      none");
        var cpu = report.Split('\n').Single(line => line.StartsWith("CPU per finished job", StringComparison.Ordinal));
        foreach (var process in new[] { "gateway", "workflow", "compliance-checker", "intent-classifier", "postgres", "rabbitmq" })
        {
            cpu.ShouldContain(process + " ");
        }

        report.Split('\n').Single(line => line.StartsWith("CPU per job, whole platform", StringComparison.Ordinal))
            .ShouldContain("this benchmark's client");

        report.ShouldContain("broker round trips");
    }
}
