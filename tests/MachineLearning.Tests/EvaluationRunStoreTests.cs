using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.TestInfrastructure;
using static SpecialistPlatform.MachineLearning.Tests.CalibrateCliTests;

namespace SpecialistPlatform.MachineLearning.Tests;

/// <summary>A real Postgres (no mocks), migrated to the current schema, shared by the tests of this class.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly PlatformServers _servers = new();

    public string ConnectionString => _servers.PostgresConnectionString;

    public async ValueTask InitializeAsync()
    {
        // The AppHost's migrations resource has applied the schema by the time the servers are reported ready.
        await _servers.StartAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _servers.DisposeAsync();

    public PlatformDbContext Open() => new(new DbContextOptionsBuilder<PlatformDbContext>().UseNpgsql(ConnectionString).Options);
}

public sealed class EvaluationRunStoreTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specialist-runs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Guid RunId(string output) => Guid.Parse(Regex.Match(output, "Stored evaluation run ([0-9a-f-]{36})").Groups[1].Value);

    [Fact]
    public async Task Calibration_is_stored_registered_on_the_matching_version_and_rendered_as_a_report()
    {
        var (model, data) = await TrainedModel(_directory);
        var registered = await Run("models", "register", "--db", postgres.ConnectionString, "--name", "synthetic", "--model", model);
        registered.Exit.ShouldBe(0, registered.Error);

        var calibrate = await Run("calibrate", "--model", model, "--data", data, "--frontier-accuracy", "0.831", "--target-accuracy", "0.5",
            "--store", "--register", "synthetic", "--db", postgres.ConnectionString);

        calibrate.Exit.ShouldBe(0, calibrate.Error);
        var id = RunId(calibrate.Output);
        await using (var context = postgres.Open())
        {
            var run = await context.EvaluationRuns.SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);
            run.Kind.ShouldBe("calibration");
            run.ModelName.ShouldBe("synthetic");
            run.DatasetRows.ShouldBe(60);
            run.FrontierAccuracyAssumed.ShouldBeTrue();
            run.Notes.ShouldNotBeNull().ShouldContain("frontier accuracy assumed");
            run.EscalationThreshold.ShouldNotBeNull();
            run.CascadeCostPer1k.ShouldNotBeNull();
            run.SweepJson.ShouldContain("combinedAccuracy");

            var version = ModelRegistry.VersionOf(await File.ReadAllBytesAsync(Path.Combine(model, "model.bin"), TestContext.Current.CancellationToken));
            var entry = (await new ModelRegistry(context).ListAsync("intent", "synthetic", TestContext.Current.CancellationToken)).Single();
            entry.Version.ShouldBe(version);
            entry.EscalationThreshold.ShouldBe(run.EscalationThreshold);
        }

        var report = await Run("report", "--run", id.ToString(), "--out", Path.Combine(_directory, "report.html"), "--db", postgres.ConnectionString);

        report.Exit.ShouldBe(0, report.Error);
        var list = await Run("models", "list", "--db", postgres.ConnectionString);
        list.Exit.ShouldBe(0, list.Error);
        list.Output.ShouldContain("synthetic");
        var html = await File.ReadAllTextAsync(Path.Combine(_directory, "report.html"), TestContext.Current.CancellationToken);
        html.ShouldContain("id=\"sweep-chart\"");
        html.ShouldContain("id=\"frontier-assumed\"");
    }

    [Fact]
    public async Task Evaluation_is_stored_and_rendered()
    {
        var (model, data) = await TrainedModel(_directory);

        var eval = await Run("eval", "intent", "--model", model, "--data", data, "--store", "--db", postgres.ConnectionString);

        eval.Exit.ShouldBe(0, eval.Error);
        var id = RunId(eval.Output);
        var report = await Run("report", "--run", id.ToString(), "--out", Path.Combine(_directory, "eval.html"), "--db", postgres.ConnectionString);
        report.Exit.ShouldBe(0, report.Error);
        var html = await File.ReadAllTextAsync(Path.Combine(_directory, "eval.html"), TestContext.Current.CancellationToken);
        html.ShouldContain("id=\"reliability-chart\"");
        html.ShouldNotContain("id=\"frontier-assumed\"");
    }

    [Fact]
    public async Task Registering_a_threshold_for_an_unregistered_model_says_how_to_register_it()
    {
        var (model, data) = await TrainedModel(_directory);

        var result = await Run("calibrate", "--model", model, "--data", data, "--frontier-accuracy", "0.8", "--target-accuracy", "0.5",
            "--register", "never-registered", "--db", postgres.ConnectionString);

        result.Exit.ShouldBe(1);
        result.Error.ShouldContain("specialist models register --task intent --name never-registered");
    }

    [Fact]
    public async Task Unknown_run_id_is_a_clear_error()
    {
        var result = await Run("report", "--run", Guid.NewGuid().ToString(), "--out", Path.Combine(_directory, "x.html"), "--db", postgres.ConnectionString);

        result.Exit.ShouldBe(1);
        result.Error.ShouldContain("No evaluation run");
    }
}
