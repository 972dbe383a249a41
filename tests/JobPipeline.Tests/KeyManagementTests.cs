using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SpecialistPlatform.Cli;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// Keys and roles as tenants and an operator use them, against the running gateway: a tenant's admin makes, rotates and
/// revokes its own keys; expired and revoked keys stop at once; job results need the submitter or auditor role; the
/// platform admin role, which changes what every tenant gets, is out of a tenant admin's reach. Each test has tenants
/// of its own.
/// </summary>
public sealed class KeyManagementTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenant_admin_creates_lists_rotates_and_revokes_its_own_keys()
    {
        var admin = await NewTenantKeyAsync(ApiKeyRoles.Admin);

        var created = await SendAsync(HttpMethod.Post, "/api/v1/keys", admin,
            new { name = "billing service", roles = new[] { ApiKeyRoles.Submitter }, expiresAt = DateTimeOffset.UtcNow.AddDays(30) }, HttpStatusCode.Created);
        var billingKey = created.GetProperty("key").GetString()!;
        var billingId = created.GetProperty("details").GetProperty("id").GetGuid();
        await platform.SubmitAsync("email", "Where is my card?", apiKey: billingKey);

        var listed = await SendAsync(HttpMethod.Get, "/api/v1/keys", admin, null, HttpStatusCode.OK);
        var billing = listed.EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == billingId);
        billing.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([ApiKeyRoles.Submitter]);
        billing.GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.String, "the submission was noted as the key's last use");
        listed.GetRawText().ShouldNotContain(billingKey, customMessage: "a listed key never shows its secret");

        var rotated = await SendAsync(HttpMethod.Post, $"/api/v1/keys/{billingId}/rotate", admin, new { graceSeconds = 0 }, HttpStatusCode.Created);
        var newKey = rotated.GetProperty("key").GetString()!;
        (await StatusAsync(HttpMethod.Post, "/api/v1/jobs", billingKey, new { kind = "email", text = "hi" })).ShouldBe(HttpStatusCode.Unauthorized);
        await platform.SubmitAsync("email", "Where is my card?", apiKey: newKey);

        await SendAsync(HttpMethod.Post, $"/api/v1/keys/{rotated.GetProperty("details").GetProperty("id").GetGuid()}/revoke", admin, null, HttpStatusCode.OK);
        (await StatusAsync(HttpMethod.Post, "/api/v1/jobs", newKey, new { kind = "email", text = "hi" })).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Creating_rotating_and_revoking_a_key_each_leave_an_audit_record_without_any_secret()
    {
        var admin = await NewTenantKeyAsync(ApiKeyRoles.Admin, ApiKeyRoles.Auditor);
        Guid adminId;
        await using (var db = platform.AdminDb())
        {
            adminId = db.ApiKeys.Single(k => k.KeyHash == ApiKeys.Hash(admin)).Id;
        }

        var created = await SendAsync(HttpMethod.Post, "/api/v1/keys", admin,
            new { name = "reporting", roles = new[] { ApiKeyRoles.Submitter, ApiKeyRoles.Auditor } }, HttpStatusCode.Created);
        var firstId = created.GetProperty("details").GetProperty("id").GetGuid();
        var rotated = await SendAsync(HttpMethod.Post, $"/api/v1/keys/{firstId}/rotate", admin, new { graceSeconds = 60 }, HttpStatusCode.Created);
        var secondId = rotated.GetProperty("details").GetProperty("id").GetGuid();
        await SendAsync(HttpMethod.Post, $"/api/v1/keys/{secondId}/revoke", admin, null, HttpStatusCode.OK);
        // Bad input changes nothing and records nothing; it is answered with problem details.
        (await StatusAsync(HttpMethod.Post, "/api/v1/keys", admin, new { name = "", roles = new[] { "superuser" } })).ShouldBe(HttpStatusCode.BadRequest);

        // The auditor's own query finds the three changes, in order, each naming the key and the key that made it.
        var page = await SendAsync(HttpMethod.Get, "/api/v1/audit?step=key-management", admin, null, HttpStatusCode.OK);
        var records = page.GetProperty("records").EnumerateArray().ToList();
        records.Select(r => r.GetProperty("decision").GetString()).ShouldBe(["key-created", "key-rotated", "key-revoked"]);
        records.ShouldAllBe(r => r.GetProperty("detail").GetString()!.Contains($"by=key:{adminId}"));
        records[0].GetProperty("detail").GetString()!.ShouldContain($"key={firstId}; roles=submitter,auditor; expires=never");
        records[1].GetProperty("detail").GetString()!.ShouldContain($"key={secondId}; replaces={firstId}; old-key-stops=");
        records[2].GetProperty("detail").GetString()!.ShouldContain($"key={secondId}; revoked-at=");
        records.Select(r => r.GetProperty("jobId").GetGuid()).Distinct().Count().ShouldBe(3, "each change has its own event id");
        records.ShouldAllBe(r => r.GetProperty("service").GetString() == "gateway");

        // No column of any of the tenant's records holds a secret, a secret's hash or its printed prefix.
        string[] secrets = [admin, created.GetProperty("key").GetString()!, rotated.GetProperty("key").GetString()!];
        string[] secretTraces = [.. secrets, .. secrets.Select(ApiKeys.Hash), .. secrets.Select(ApiKeys.DisplayPrefix)];
        foreach (var record in records)
        {
            foreach (var column in record.EnumerateObject())
            {
                secretTraces.ShouldAllBe(secret => !column.Value.ToString().Contains(secret, StringComparison.Ordinal),
                    $"audit column {column.Name} holds a secret");
            }
        }

        // The records are links of the tenant's keyed chain like any other.
        var verification = await SendAsync(HttpMethod.Get, "/api/v1/audit/verify", admin, null, HttpStatusCode.OK);
        verification.GetProperty("intact").GetBoolean().ShouldBeTrue(verification.ToString());
    }

    [Fact]
    public async Task A_tenant_admin_cannot_make_a_platform_admin_change_models_or_touch_another_tenants_keys()
    {
        var admin = await NewTenantKeyAsync(ApiKeyRoles.Admin);
        Guid devKeyId;
        await using (var db = platform.AdminDb())
        {
            devKeyId = db.ApiKeys.Single(k => k.KeyHash == ApiKeys.Hash(PlatformFixture.DevApiKey)).Id;
        }

        (await StatusAsync(HttpMethod.Post, "/api/v1/keys", admin, new { name = "escalate", roles = new[] { ApiKeyRoles.PlatformAdmin } }))
            .ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(HttpMethod.Post, "/api/v1/models/intent/banking77/rollback", admin, new { }))
            .ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(HttpMethod.Post, $"/api/v1/keys/{devKeyId}/revoke", admin, null)).ShouldBe(HttpStatusCode.NotFound);
        (await StatusAsync(HttpMethod.Post, $"/api/v1/keys/{devKeyId}/rotate", admin, new { })).ShouldBe(HttpStatusCode.NotFound);
        // The dev key still works: nothing above touched it.
        (await StatusAsync(HttpMethod.Get, "/api/v1/keys", PlatformFixture.DevApiKey, null)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Job_results_need_the_submitter_or_auditor_role()
    {
        var job = await platform.SubmitAsync("email", "I still have not received my card");
        var platformAdminOnly = await DevTenantKeyAsync(ApiKeyRoles.PlatformAdmin);
        var auditor = await DevTenantKeyAsync(ApiKeyRoles.Auditor);
        var submitter = await DevTenantKeyAsync(ApiKeyRoles.Submitter);

        (await StatusAsync(HttpMethod.Get, $"/api/v1/jobs/{job}", platformAdminOnly, null)).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(HttpMethod.Get, $"/api/v1/jobs/{job}", auditor, null)).ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(HttpMethod.Get, $"/api/v1/jobs/{job}", submitter, null)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_key_stops_working_even_while_the_gateway_has_it_cached()
    {
        var tenant = "expiring-" + Guid.NewGuid().ToString("N")[..8];
        IssuedApiKey issued;
        await using (var db = platform.AdminDb())
        {
            issued = await new ApiKeyStore(db, TimeProvider.System).CreateAsync(tenant, "short-lived", [ApiKeyRoles.Submitter],
                DateTimeOffset.UtcNow.AddSeconds(3), Cancellation, newTenantName: "Expiring");
        }

        (await StatusAsync(HttpMethod.Post, "/api/v1/jobs", issued.Secret, new { kind = "email", text = "hi" })).ShouldBe(HttpStatusCode.Accepted);
        await Task.Delay(issued.Key.ExpiresAt!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200), Cancellation);
        (await StatusAsync(HttpMethod.Post, "/api/v1/jobs", issued.Secret, new { kind = "email", text = "hi" })).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_keys_command_makes_the_first_admin_key_of_a_new_tenant_and_revokes_it()
    {
        var tenant = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var db = platform.PostgresAdminConnectionString;

        // The data folder holds the audit chain key the change is recorded with.
        var (exit, output) = await CliAsync("keys", "create", "--tenant", tenant, "--tenant-name", "CLI tenant", "--name", "first admin",
            "--roles", "admin,submitter", "--db", db, "--data-dir", platform.DataDirectory);
        exit.ShouldBe(0, output);
        var secret = output.Split('\n', StringSplitOptions.TrimEntries).Single(line => line.StartsWith("sp_", StringComparison.Ordinal));
        (await StatusAsync(HttpMethod.Get, "/api/v1/keys", secret, null)).ShouldBe(HttpStatusCode.OK);

        (exit, output) = await CliAsync("keys", "list", "--tenant", tenant, "--db", db);
        exit.ShouldBe(0, output);
        output.ShouldContain("first admin");
        output.ShouldNotContain(secret);
        Guid id;
        await using (var context = platform.AdminDb())
        {
            id = context.ApiKeys.Single(k => k.TenantId == tenant).Id;
        }

        output.ShouldContain(id.ToString());

        (exit, output) = await CliAsync("keys", "revoke", "--tenant", tenant, "--id", id.ToString(), "--db", db, "--data-dir", platform.DataDirectory);
        exit.ShouldBe(0, output);
        // The CLI writes the database only; the gateway forgets its cached copy within 30 s.
        await PlatformFixture.EventuallyAsync(async () => await StatusAsync(HttpMethod.Get, "/api/v1/keys", secret, null) == HttpStatusCode.Unauthorized,
            "the revoked key stops working", TimeSpan.FromSeconds(45));

        await using (var context = platform.AdminDb())
        {
            var recorded = context.AuditRecords.Where(r => r.TenantId == tenant && r.Step == "key-management").OrderBy(r => r.Sequence).ToList();
            recorded.Select(r => r.Decision).ShouldBe(["key-created", "key-revoked"]);
            recorded.ShouldAllBe(r => r.Service == "cli" && r.Detail!.Contains($"key={id}") && r.Detail.Contains("by=os-user:"));
            recorded.ShouldAllBe(r => !r.Detail!.Contains(secret) && !r.Detail.Contains(ApiKeys.DisplayPrefix(secret)));
        }

        (exit, output) = await CliAsync("keys", "create", "--tenant", tenant, "--name", "x", "--roles", "superuser", "--db", db, "--data-dir", platform.DataDirectory);
        exit.ShouldNotBe(0);
        output.ShouldContain("'roles' must name");

        // Without the audit chain key nothing changes: a key change that cannot be recorded is not made.
        (exit, output) = await CliAsync("keys", "create", "--tenant", tenant, "--name", "unrecorded", "--roles", "submitter", "--db", db,
            "--audit-key-file", Path.Combine(platform.DataDirectory, "no-such-key"));
        exit.ShouldNotBe(0);
        output.ShouldContain("no audit chain key");
    }

    private async Task<string> NewTenantKeyAsync(params string[] roles)
    {
        var key = ApiKeys.Generate();
        await using var db = platform.AdminDb();
        var tenant = "keys-" + Guid.NewGuid().ToString("N")[..8];
        await ApiKeys.EnsureAsync(db, tenant, tenant, key, roles, Cancellation);
        return key;
    }

    private async Task<string> DevTenantKeyAsync(params string[] roles)
    {
        await using var db = platform.AdminDb();
        var tenant = db.ApiKeys.Single(k => k.KeyHash == ApiKeys.Hash(PlatformFixture.DevApiKey)).TenantId;
        return (await new ApiKeyStore(db, TimeProvider.System).CreateAsync(tenant, "roles test " + string.Join("+", roles), roles, null, Cancellation)).Secret;
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string key, object? body, HttpStatusCode expected)
    {
        using var request = platform.Request(method, path, key, body is null ? null : JsonContent.Create(body));
        using var response = await platform.Http.SendAsync(request, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path, string key, object? body)
    {
        using var request = platform.Request(method, path, key, body is null ? null : JsonContent.Create(body));
        using var response = await platform.Http.SendAsync(request, Cancellation);
        return response.StatusCode;
    }

    private static async Task<(int Exit, string Output)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, Cancellation);
        return (exit, output + error.ToString());
    }
}
