using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Intake;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// The broker as an outside application meets it: it logs in to the intake virtual host as <c>&lt;tenant&gt;.&lt;key id&gt;</c>
/// with that API key, submits there, and reads its own tenant's answers; everything else (the services' virtual host,
/// other tenants' answers, the intake queue, the default exchange, another tenant's user_id, guest, a login that names
/// no key) is refused by the broker itself, and a connection whose key stops is closed.
/// </summary>
public sealed class BrokerAccessTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outside_client_submits_as_its_tenant_and_reads_its_answers_on_the_intake_virtual_host()
    {
        var reference = Guid.NewGuid().ToString();
        var login = await DevLoginAsync();
        await using var connection = await IntakeConnectionAsync(login, PlatformFixture.DevApiKey);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
        var answers = await DeclareAnswerQueueAsync(channel, "dev");

        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            kind = "email",
            text = "I want to top up my account with Apple Pay",
            idempotencyKey = reference,
            clientReference = reference,
        });
        await channel.BasicPublishAsync(IntakeTopology.SubmitExchange, "", mandatory: false,
            new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent, UserId = login }, body, Cancel);

        var accepted = await NextAnswerAsync(channel, answers, nameof(JobAccepted), message => message.GetProperty("clientReference").GetString() == reference);
        var jobId = accepted.GetProperty("jobId").GetGuid();
        var finished = await NextAnswerAsync(channel, answers, nameof(JobFinished), message => message.GetProperty("jobId").GetGuid() == jobId);
        finished.GetProperty("tenantId").GetString().ShouldBe("dev");
        finished.GetProperty("status").GetString().ShouldBeOneOf("Completed", "NeedsReview");
        finished.GetProperty("result").GetProperty("intent").GetProperty("label").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_key_in_the_message_is_refused_and_answered_with_the_reason()
    {
        var reference = Guid.NewGuid().ToString();
        var login = await DevLoginAsync();
        await using var connection = await IntakeConnectionAsync(login, PlatformFixture.DevApiKey);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
        var answers = await DeclareAnswerQueueAsync(channel, "dev");

        var body = JsonSerializer.SerializeToUtf8Bytes(new { apiKey = PlatformFixture.DevApiKey, kind = "email", text = "hello", clientReference = reference });
        await channel.BasicPublishAsync(IntakeTopology.SubmitExchange, "", mandatory: false,
            new BasicProperties { ContentType = "application/json", UserId = login }, body, Cancel);

        var rejected = await NextAnswerAsync(channel, answers, nameof(JobRejected), message => message.GetProperty("clientReference").GetString() == reference);
        rejected.GetProperty("reason").GetString()!.ShouldContain("Do not put an API key in the message");
    }

    [Fact]
    public async Task Tenant_reads_only_its_own_answers_and_cannot_touch_the_intake_queue_or_route_by_name()
    {
        var (otherTenant, otherKeyId, otherKey) = await NewTenantAsync();
        var otherLogin = BrokerLogins.Name(otherTenant, otherKeyId);
        await using var connection = await IntakeConnectionAsync(otherLogin, otherKey);

        // Another tenant's answers, by its id or by a pattern.
        foreach (var routingKey in new[] { "dev", "#", "*" })
        {
            await ShouldBeRefusedAsync(connection, async channel =>
            {
                var queue = (await channel.QueueDeclareAsync($"{otherTenant}.{Guid.NewGuid():N}", false, true, true, cancellationToken: Cancel)).QueueName;
                await channel.QueueBindAsync(queue, IntakeTopology.EntityName<JobFinished>(), routingKey, cancellationToken: Cancel);
            });
        }

        // Another tenant's queue name, other tenants' submissions, and the default exchange (it routes to any queue).
        await ShouldBeRefusedAsync(connection, channel => channel.QueueDeclareAsync($"dev.{Guid.NewGuid():N}", false, true, true, cancellationToken: Cancel));
        await ShouldBeRefusedAsync(connection, channel => channel.BasicGetAsync(ResourceNames.Queues.RawJobIntake, autoAck: false, Cancel));
        await ShouldBeRefusedAsync(connection, async channel =>
        {
            await channel.BasicPublishAsync("", ResourceNames.Queues.RawJobIntake, mandatory: false, new BasicProperties { UserId = otherLogin },
                "{}"u8.ToArray(), Cancel);
            await channel.QueueDeclarePassiveAsync(ResourceNames.Queues.RawJobIntake, Cancel);
        });
        // Submitting in another tenant's name (its tenant id, or its login name): the broker checks user_id against the login.
        foreach (var userId in new[] { "dev", await DevLoginAsync() })
        {
            await ShouldBeRefusedAsync(connection, async channel =>
            {
                await channel.BasicPublishAsync(IntakeTopology.SubmitExchange, "", mandatory: false, new BasicProperties { UserId = userId },
                    "{}"u8.ToArray(), Cancel);
                await channel.QueueDeclarePassiveAsync(ResourceNames.Queues.RawJobIntake, Cancel);
            }, expectedReplyCode: 406);
        }
        // Publishing answers as if from the platform.
        await ShouldBeRefusedAsync(connection, async channel =>
        {
            await channel.BasicPublishAsync(IntakeTopology.EntityName<JobFinished>(), otherTenant, mandatory: false, new BasicProperties(),
                "{}"u8.ToArray(), Cancel);
            await channel.QueueDeclarePassiveAsync(ResourceNames.Queues.RawJobIntake, Cancel);
        });

        // Its own answers it may read.
        await using var allowed = await connection.CreateChannelAsync(cancellationToken: Cancel);
        await DeclareAnswerQueueAsync(allowed, otherTenant);
    }

    [Fact]
    public async Task Nobody_outside_enters_the_services_virtual_host_and_bad_credentials_are_refused()
    {
        var internalUri = new Uri(platform.RabbitMqConnectionString);
        var (otherTenant, otherKeyId, otherKey) = await NewTenantAsync();
        var devLogin = await DevLoginAsync();
        var attempts = new (string User, string Password, string VirtualHost)[]
        {
            (devLogin, PlatformFixture.DevApiKey, "/"),         // a valid key, but not for the services' traffic
            (BrokerLogins.Name(otherTenant, otherKeyId), otherKey, "/"),
            ("guest", "guest", "/"),
            ("guest", "guest", IntakeTopology.VirtualHost),
            (devLogin, otherKey, IntakeTopology.VirtualHost),   // another tenant's key
            (BrokerLogins.Name("dev", otherKeyId), otherKey, IntakeTopology.VirtualHost), // another tenant's key, named
            (devLogin, "sp_not-a-key", IntakeTopology.VirtualHost),
            ("dev", PlatformFixture.DevApiKey, IntakeTopology.VirtualHost), // a login that names no key
            (otherTenant, otherKey, IntakeTopology.VirtualHost),
            (ResourceNames.Services.Workflow, PlatformFixture.DevApiKey, "/"),
        };
        foreach (var (user, password, virtualHost) in attempts)
        {
            var factory = new ConnectionFactory
            {
                HostName = "127.0.0.1", Port = internalUri.Port, UserName = user, Password = password, VirtualHost = virtualHost,
                AutomaticRecoveryEnabled = false,
            };
            (await IsRefusedAsync(factory)).ShouldBeTrue($"{user} on {virtualHost} was let in");
        }

        // A key without the submitter or admin role cannot log in either.
        var auditor = await NewKeyAsync(otherTenant, [ApiKeyRoles.Auditor]);
        (await IsRefusedAsync(IntakeFactory(BrokerLogins.Name(otherTenant, auditor.Key.Id), auditor.Secret))).ShouldBeTrue("an auditor's key was let in");
    }

    [Fact]
    public async Task Each_service_connects_as_its_own_user_and_only_the_workflow_reaches_the_intake_virtual_host()
    {
        var passwords = new HashSet<string>();
        foreach (var service in ResourceNames.Services.All)
        {
            var uri = new Uri(await platform.Platform.ConnectionStringAsync($"{ResourceNames.Servers.RabbitMq}-{service}", Cancel));
            var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
            var password = Uri.UnescapeDataString(uri.UserInfo.Split(':')[1]);
            user.ShouldBe(service);
            passwords.Add(password).ShouldBeTrue($"{service} shares a password");

            var services = new ConnectionFactory { Uri = uri, AutomaticRecoveryEnabled = false };
            (await IsRefusedAsync(services)).ShouldBeFalse($"{service} cannot reach its own virtual host");
            var intake = new ConnectionFactory { Uri = uri, VirtualHost = IntakeTopology.VirtualHost, AutomaticRecoveryEnabled = false };
            (await IsRefusedAsync(intake)).ShouldBe(service != ResourceNames.Services.Workflow, $"{service} on the intake virtual host");
        }
    }

    [Fact]
    public async Task Connection_of_a_key_revoked_through_the_api_is_closed_and_another_keys_connection_stays_open()
    {
        var (tenant, admin) = await NewTenantWithAdminAsync();
        var (revoked, revokedConnection, kept, keptConnection) = await TwoConnectedKeysAsync(tenant);
        await using (revokedConnection)
        await using (keptConnection)
        {
            using var request = platform.Request(HttpMethod.Post, $"/api/v1/keys/{revoked.Key.Id}/revoke", admin.Secret);
            using var response = await platform.Http.SendAsync(request, Cancel);
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Cancel));

            await ShouldCloseAsync(revokedConnection, "the revoked key's connection");
            await ShouldStillWorkAsync(keptConnection, tenant);
        }
    }

    [Fact]
    public async Task Connection_of_a_key_revoked_in_the_database_as_the_cli_does_is_closed_and_another_keys_connection_stays_open()
    {
        // specialist keys revoke writes the database directly (ApiKeyStore); no gateway hears of it but the sweep.
        var (tenant, _) = await NewTenantWithAdminAsync();
        var (revoked, revokedConnection, kept, keptConnection) = await TwoConnectedKeysAsync(tenant);
        await using (revokedConnection)
        await using (keptConnection)
        {
            await using (var db = platform.AdminDb())
            {
                var store = new ApiKeyStore(db, TimeProvider.System);
                await store.RevokeAsync((await store.FindAsync(tenant, revoked.Key.Id, Cancel))!, Cancel);
            }

            await ShouldCloseAsync(revokedConnection, "the revoked key's connection");
            await ShouldStillWorkAsync(keptConnection, tenant);
        }
    }

    [Fact]
    public async Task Connection_of_a_key_rotated_out_is_closed_when_its_grace_ends()
    {
        var (tenant, admin) = await NewTenantWithAdminAsync();
        var (rotated, rotatedConnection, kept, keptConnection) = await TwoConnectedKeysAsync(tenant);
        await using (rotatedConnection)
        await using (keptConnection)
        {
            using var request = platform.Request(HttpMethod.Post, $"/api/v1/keys/{rotated.Key.Id}/rotate", admin.Secret,
                JsonContent.Create(new { graceSeconds = 2 }));
            using var response = await platform.Http.SendAsync(request, Cancel);
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Cancel));

            await ShouldCloseAsync(rotatedConnection, "the rotated-out key's connection");
            await ShouldStillWorkAsync(keptConnection, tenant);
        }
    }

    [Fact]
    public async Task Connection_of_a_key_that_expires_is_closed_and_another_keys_connection_stays_open()
    {
        var (tenant, _) = await NewTenantWithAdminAsync();
        var (kept, keptConnection) = await ConnectedKeyAsync(tenant, expiresAt: null);
        // Long enough for the login to finish on a loaded machine (it must happen before the key stops), short enough
        // for the test; the bound below covers the expiry plus a sweep.
        var (_, expiringConnection) = await ConnectedKeyAsync(tenant, expiresAt: DateTimeOffset.UtcNow.AddSeconds(20));
        await using (expiringConnection)
        await using (keptConnection)
        {
            await ShouldCloseAsync(expiringConnection, "the expired key's connection", TimeSpan.FromSeconds(60));
            await ShouldStillWorkAsync(keptConnection, tenant);
        }
    }

    private async Task<(IssuedApiKey Key, IConnection Connection)> ConnectedKeyAsync(string tenant, DateTimeOffset? expiresAt)
    {
        await using var db = platform.AdminDb();
        var key = await new ApiKeyStore(db, TimeProvider.System).CreateAsync(tenant, "broker test", [ApiKeyRoles.Submitter], expiresAt, Cancel);
        var connection = await IntakeConnectionAsync(BrokerLogins.Name(tenant, key.Key.Id), key.Secret);
        await ShouldStillWorkAsync(connection, tenant);
        return (key, connection);
    }

    private async Task<(string Tenant, IssuedApiKey Admin)> NewTenantWithAdminAsync()
    {
        var tenant = $"tenant-{Guid.NewGuid():N}"[..20];
        return (tenant, await NewKeyAsync(tenant, [ApiKeyRoles.Admin], newTenantName: "Broker revocation test tenant"));
    }

    /// <summary>Two submitter keys of the tenant, each with an open intake connection that works.</summary>
    private async Task<(IssuedApiKey First, IConnection FirstConnection, IssuedApiKey Second, IConnection SecondConnection)> TwoConnectedKeysAsync(string tenant)
    {
        var first = await NewKeyAsync(tenant, [ApiKeyRoles.Submitter]);
        var second = await NewKeyAsync(tenant, [ApiKeyRoles.Submitter]);
        var firstConnection = await IntakeConnectionAsync(BrokerLogins.Name(tenant, first.Key.Id), first.Secret);
        var secondConnection = await IntakeConnectionAsync(BrokerLogins.Name(tenant, second.Key.Id), second.Secret);
        await ShouldStillWorkAsync(firstConnection, tenant);
        await ShouldStillWorkAsync(secondConnection, tenant);
        return (first, firstConnection, second, secondConnection);
    }

    /// <summary>The broker closes the connection within the sweeper's reach (its interval is seconds; 30 s is the bound).</summary>
    private static Task ShouldCloseAsync(IConnection connection, string what, TimeSpan? within = null) =>
        PlatformFixture.EventuallyAsync(() => Task.FromResult(!connection.IsOpen), $"{what} is still open", within ?? TimeSpan.FromSeconds(30));

    private static async Task ShouldStillWorkAsync(IConnection connection, string tenant)
    {
        connection.IsOpen.ShouldBeTrue("a connection of a key that still works was closed");
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
        await DeclareAnswerQueueAsync(channel, tenant);
    }

    /// <summary>The login, the virtual host or the first use fails. (RabbitMQ.Client can return a connection whose
    /// opening the broker answered with 530 NOT_ALLOWED; it is closed, and the first channel fails.)</summary>
    private static async Task<bool> IsRefusedAsync(ConnectionFactory factory)
    {
        try
        {
            await using var connection = await factory.CreateConnectionAsync(Cancel);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
            await channel.ExchangeDeclarePassiveAsync("amq.direct", Cancel);
            return false;
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException)
        {
            return true;
        }
    }

    private Task<IConnection> IntakeConnectionAsync(string login, string key) => IntakeFactory(login, key).CreateConnectionAsync(Cancel);

    private ConnectionFactory IntakeFactory(string login, string key) => new()
    {
        HostName = "127.0.0.1", Port = new Uri(platform.RabbitMqConnectionString).Port, UserName = login, Password = key,
        VirtualHost = IntakeTopology.VirtualHost, AutomaticRecoveryEnabled = false,
    };

    /// <summary>The dev tenant's broker login: its tenant id and the id of the dev key.</summary>
    private async Task<string> DevLoginAsync()
    {
        await using var db = platform.AdminDb();
        var hash = ApiKeys.Hash(PlatformFixture.DevApiKey);
        var id = await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash).Select(k => k.Id).SingleAsync(Cancel);
        return BrokerLogins.Name("dev", id);
    }

    private static async Task<string> DeclareAnswerQueueAsync(IChannel channel, string tenant)
    {
        var queue = (await channel.QueueDeclareAsync($"{tenant}.answers-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true,
            cancellationToken: Cancel)).QueueName;
        foreach (var exchange in IntakeTopology.ResultExchanges)
        {
            await channel.QueueBindAsync(queue, exchange, tenant, cancellationToken: Cancel);
        }

        return queue;
    }

    /// <summary>The next answer of the type that matches, from the MassTransit envelope's <c>message</c>.</summary>
    private static async Task<JsonElement> NextAnswerAsync(IChannel channel, string queue, string type, Func<JsonElement, bool> matches)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true, Cancel) is not { } delivery)
            {
                await Task.Delay(100, Cancel);
                continue;
            }

            using var envelope = JsonDocument.Parse(delivery.Body);
            var types = envelope.RootElement.GetProperty("messageType").EnumerateArray().Select(t => t.GetString()).ToList();
            var message = envelope.RootElement.GetProperty("message").Clone();
            if (types.Contains($"urn:message:{typeof(JobFinished).Namespace}:{type}") && matches(message))
            {
                return message;
            }
        }

        throw new TimeoutException($"No {type} answer arrived in {queue}.");
    }

    /// <summary>The broker closes the channel with 403 ACCESS_REFUSED (or <paramref name="expectedReplyCode"/>).</summary>
    private static async Task ShouldBeRefusedAsync(IConnection connection, Func<IChannel, Task> action, int expectedReplyCode = 403)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
        var refused = await Should.ThrowAsync<OperationInterruptedException>(() => action(channel));
        refused.ShutdownReason!.ReplyCode.ShouldBe((ushort)expectedReplyCode, refused.Message);
    }

    private async Task<(string Tenant, Guid KeyId, string Key)> NewTenantAsync()
    {
        var tenant = $"tenant-{Guid.NewGuid():N}"[..20];
        var issued = await NewKeyAsync(tenant, [ApiKeyRoles.Submitter], newTenantName: "Broker test tenant");
        return (tenant, issued.Key.Id, issued.Secret);
    }

    private async Task<IssuedApiKey> NewKeyAsync(string tenant, string[] roles, string? newTenantName = null)
    {
        await using var db = platform.AdminDb();
        return await new ApiKeyStore(db, TimeProvider.System).CreateAsync(tenant, "broker test", roles, null, Cancel, newTenantName);
    }
}
