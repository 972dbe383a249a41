using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.TestInfrastructure;

[assembly: AssemblyFixture(typeof(SpecialistPlatform.JobPipeline.Tests.PlatformFixture))]

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// The whole platform, once for all tests in this assembly: the real AppHost with its own private servers and
/// every service as its own process. Tests talk to it as clients do: HTTP, AMQP, and (for auditors' checks and
/// tampering) Postgres directly.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public const string DevApiKey = "sp_test_dev_key_0123456789abcdefghijklmnop";
    private readonly string _policyDirectory = Directory.CreateTempSubdirectory("specialist-policy-").FullName;
    private PlatformApp? _platform;

    public PlatformApp Platform => _platform ?? throw new InvalidOperationException("The platform is not started.");
    /// <summary>The AppHost's data folder: its state file (resources, pids) is what CLI commands read by default.</summary>
    public string DataDirectory => Platform.DataDirectory;

    public string GatewayUrl { get; private set; } = "";
    public string PostgresAdminConnectionString { get; private set; } = "";

    /// <summary>The services' own connection: the restricted role, with its password.</summary>
    public string ServiceDatabaseConnectionString { get; private set; } = "";
    public string RabbitMqConnectionString { get; private set; } = "";
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public virtual async ValueTask InitializeAsync()
    {
        // The dev tenant's emails may carry neither US social security numbers nor jailbreaks: such a job stops at compliance.
        var emailPolicy = Path.Combine(_policyDirectory, "email-policy.json");
        await File.WriteAllTextAsync(emailPolicy, """{"actions": {"US_SSN": "block", "DATE_TIME": "allow"}, "moderation": {"jailbreak": "block"}}""");
        var settings = new Dictionary<string, string>
        {
            ["Compliance:Policies:0:Tenant"] = "dev",
            ["Compliance:Policies:0:Kind"] = "email",
            ["Compliance:Policies:0:File"] = emailPolicy,
            // Scheduled audit checkpoints every few seconds rather than minutes, so a test can see one taken.
            ["Audit:CheckpointInterval"] = "00:00:03",
        };
        foreach (var (name, value) in PlatformSettings())
        {
            settings[name] = value;
        }

        _platform = await PlatformApp.StartAsync(new PlatformAppOptions { DevApiKey = DevApiKey, ServiceSettings = settings }, CancellationToken.None);
        GatewayUrl = Platform.ServiceUrl(ResourceNames.Services.Gateway).ToString().TrimEnd('/');
        PostgresAdminConnectionString = await Platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.DatabaseOwner);
        ServiceDatabaseConnectionString = await Platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.PlatformDatabase);
        RabbitMqConnectionString = await Platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.RabbitMq);
        Http.BaseAddress = new Uri(GatewayUrl);
    }

    /// <summary>Settings a variant of the platform adds to every service (configuration keys, e.g. Frontier:Models:0:Model).</summary>
    protected virtual IReadOnlyDictionary<string, string> PlatformSettings() => new Dictionary<string, string>();

    public virtual async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }

        Directory.Delete(_policyDirectory, recursive: true);
    }

    public string ServiceUrl(string name) => Platform.ServiceUrl(name).ToString().TrimEnd('/');

    /// <summary>The service's own process (not its launcher), as the orchestrator reports it.</summary>
    public int ServicePid(string name) => Platform.Pid(name);

    /// <summary>Postgres as the platform's owner sees it, for auditors' checks and tampering.</summary>
    public PlatformDbContext AdminDb() =>
        new(new DbContextOptionsBuilder<PlatformDbContext>().UseNpgsql(PostgresAdminConnectionString).Options);

    /// <summary>Runs <paramref name="step"/> until <paramref name="done"/> holds, failing with <paramref name="because"/>
    /// after <paramref name="timeout"/> (60 s): the services act on the database and the bus asynchronously.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, string because, TimeSpan? timeout = null, Func<Task>? step = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await done())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, because);
            if (step is not null)
            {
                await step();
            }

            await Task.Delay(250);
        }
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? apiKey = DevApiKey, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return request;
    }

    public async Task<Guid> SubmitAsync(string kind, string text, string? idempotencyKey = null, string apiKey = DevApiKey)
    {
        using var request = Request(HttpMethod.Post, "/api/v1/jobs", apiKey, JsonContent.Create(new { kind, text }));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(202, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetGuid();
    }

    /// <summary>Polls the job until it is finished (Completed, NeedsReview or Failed) and returns it.</summary>
    public async Task<JsonElement> WaitForJobAsync(Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonElement job = default;
        while (DateTime.UtcNow < deadline)
        {
            using var request = Request(HttpMethod.Get, $"/api/v1/jobs/{id}");
            using var response = await Http.SendAsync(request);
            job = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (job.GetProperty("status").GetString() is "Completed" or "NeedsReview" or "Failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Job {id} did not finish in time; last seen: {job}\n{Platform.Output[^Math.Min(Platform.Output.Length, 8000)..]}");
    }

    /// <summary>The job's audit records once the completion record is in (audit writes are batched and asynchronous).</summary>
    public Task<JsonElement[]> WaitForAuditAsync(Guid id) => WaitForAuditAsync(id, []);

    /// <summary>
    /// The job's audit trail once its completion record and each of <paramref name="steps"/> are in. The escalation
    /// step's records reach the trail through the audit queue, on their own path, so they may land after the
    /// completion record that the workflow writes with the job's outcome.
    /// </summary>
    public async Task<JsonElement[]> WaitForAuditAsync(Guid id, IReadOnlyCollection<string> steps)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement[] records = [];
        while (DateTime.UtcNow < deadline)
        {
            using var request = Request(HttpMethod.Get, $"/api/v1/jobs/{id}/audit");
            using var response = await Http.SendAsync(request);
            records = [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(r => r.Clone())];
            var present = records.Select(r => r.GetProperty("step").GetString()).ToHashSet();
            if (present.Contains("completion") && steps.All(present.Contains))
            {
                return records;
            }

            await Task.Delay(100);
        }

        return records;
    }
}
