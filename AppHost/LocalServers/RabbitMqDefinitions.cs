using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>
/// The definitions file the node imports at every boot (<c>load_definitions</c>): its virtual hosts, its users with
/// salted password hashes (never the passwords), their permissions, and the expiry policy of the error queues. Import
/// overwrites what it names, so a changed password or permission takes effect at the next start; it deletes nothing,
/// so <c>guest</c>, which a node from before these definitions still has, is named here with a random password nobody
/// knows and no permissions.
/// </summary>
public static class RabbitMqDefinitions
{
    /// <summary>A user of the node: its password and, per virtual host, whether it has full permissions there.</summary>
    public sealed record User(string Name, string Password, string Tags, IReadOnlyList<string> VirtualHosts);

    public static string Create(IEnumerable<User> users, TimeSpan errorQueueRetention)
    {
        var all = users.Append(new User("guest", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "", [])).ToList();
        var virtualHosts = new[] { RabbitMqServerResource.InternalVirtualHost, RabbitMqServerResource.IntakeVirtualHost };
        var definitions = new
        {
            users = all.Select(user => new
            {
                name = user.Name,
                password_hash = PasswordHash(user.Password),
                hashing_algorithm = "rabbit_password_hashing_sha256",
                tags = user.Tags,
            }),
            vhosts = virtualHosts.Select(name => new { name }),
            permissions = all.SelectMany(user => user.Name == "guest"
                ? virtualHosts.Select(vhost => new { user = user.Name, vhost, configure = "^$", write = "^$", read = "^$" })
                : user.VirtualHosts.Select(vhost => new { user = user.Name, vhost, configure = ".*", write = ".*", read = ".*" })),
            // A message a consumer gave up on stays in its _error (or _skipped) queue for inspection, then expires: the
            // steps' messages carry job text and placeholder maps, which must not be kept indefinitely outside the
            // database's retention (docs/decisions/0022-broker-users-and-an-intake-virtual-host.md).
            policies = virtualHosts.Select(vhost => new Dictionary<string, object>
            {
                ["vhost"] = vhost,
                ["name"] = "dead-letters-expire",
                ["pattern"] = "(_error|_skipped)$",
                ["apply-to"] = "queues",
                ["definition"] = new Dictionary<string, object> { ["message-ttl"] = (long)errorQueueRetention.TotalMilliseconds },
                ["priority"] = 0,
            }),
        };
        return JsonSerializer.Serialize(definitions);
    }

    /// <summary>RabbitMQ's <c>rabbit_password_hashing_sha256</c>: base64(salt ‖ SHA-256(salt ‖ UTF-8 password)), with
    /// a 4-byte random salt.</summary>
    public static string PasswordHash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        var salted = salt.Concat(Encoding.UTF8.GetBytes(password)).ToArray();
        return Convert.ToBase64String([.. salt, .. SHA256.HashData(salted)]);
    }

    /// <summary>A service's password: an HMAC of its user name under the node's service secret, so one secret file
    /// (mode 0600) stands for every service's password.</summary>
    public static string ServicePassword(string serviceSecret, string user) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(serviceSecret), Encoding.UTF8.GetBytes($"rabbitmq-user:{user}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
