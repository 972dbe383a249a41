using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SpecialistPlatform.AppHost.LocalServers;

namespace SpecialistPlatform.AppHost.Tests;

/// <summary>The definitions file the broker loads at boot: hashes it can check, guest shut out, dead letters expiring.</summary>
public sealed class RabbitMqDefinitionsTests
{
    [Fact]
    public void Users_get_salted_sha256_hashes_guest_no_permissions_and_error_queues_a_ttl()
    {
        var definitions = JsonDocument.Parse(RabbitMqDefinitions.Create(
            [new RabbitMqDefinitions.User("workflow", "s3cret", "", ["/", "intake"]), new RabbitMqDefinitions.User("gateway", "other", "", ["/"])],
            TimeSpan.FromDays(7))).RootElement;

        var workflow = definitions.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "workflow");
        workflow.GetProperty("hashing_algorithm").GetString().ShouldBe("rabbit_password_hashing_sha256");
        // RabbitMQ checks a login as SHA-256(salt ‖ password) against the hash after its 4-byte salt.
        var hash = Convert.FromBase64String(workflow.GetProperty("password_hash").GetString()!);
        hash.Length.ShouldBe(4 + 32);
        hash[4..].ShouldBe(SHA256.HashData([.. hash[..4], .. Encoding.UTF8.GetBytes("s3cret")]));
        definitions.ToString().ShouldNotContain("s3cret");

        var permissions = definitions.GetProperty("permissions").EnumerateArray().ToList();
        permissions.Where(p => p.GetProperty("user").GetString() == "workflow").Select(p => p.GetProperty("vhost").GetString()).ShouldBe(["/", "intake"]);
        permissions.Where(p => p.GetProperty("user").GetString() == "gateway").Select(p => p.GetProperty("vhost").GetString()).ShouldBe(["/"]);
        permissions.Where(p => p.GetProperty("user").GetString() == "guest")
            .ShouldAllBe(p => p.GetProperty("configure").GetString() == "^$" && p.GetProperty("write").GetString() == "^$" && p.GetProperty("read").GetString() == "^$");

        var policies = definitions.GetProperty("policies").EnumerateArray().ToList();
        policies.Select(p => p.GetProperty("vhost").GetString()).ShouldBe(["/", "intake"]);
        policies.ShouldAllBe(p => p.GetProperty("pattern").GetString() == "(_error|_skipped)$"
            && p.GetProperty("definition").GetProperty("message-ttl").GetInt64() == (long)TimeSpan.FromDays(7).TotalMilliseconds);
    }

    [Fact]
    public void Each_service_password_is_its_own_and_stable_for_a_secret()
    {
        RabbitMqDefinitions.ServicePassword("secret", "gateway").ShouldBe(RabbitMqDefinitions.ServicePassword("secret", "gateway"));
        RabbitMqDefinitions.ServicePassword("secret", "gateway").ShouldNotBe(RabbitMqDefinitions.ServicePassword("secret", "workflow"));
        RabbitMqDefinitions.ServicePassword("secret", "gateway").ShouldNotBe(RabbitMqDefinitions.ServicePassword("other", "gateway"));
    }
}
