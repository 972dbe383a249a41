using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Spectre.Console;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist keys create|list|rotate|revoke: any tenant's API keys, straight in the platform's Postgres. This is how
/// a new tenant gets its first admin key and how the platform admin role is given; a tenant's admin manages its own
/// keys through the gateway (/api/v1/keys). A new key is printed once and never stored. Every change is written to the
/// tenant's audit trail with the change, by the operating-system user who ran the command, so these commands need the
/// audit chain key (the AppHost's data folder has it).
/// </summary>
internal static class KeysCommand
{
    public static Command Build() => new("keys", "API keys: create (printed once), list with last use, rotate, revoke.")
    {
        Create(), List(), Rotate(), Revoke(),
    };

    private static Command Create()
    {
        var database = new PlatformDatabaseOptions();
        var tenant = Tenant();
        var tenantName = new Option<string?>("--tenant-name") { Description = "Create the tenant with this display name if it does not exist." };
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. 'billing service'.", Required = true };
        var roles = new Option<string>("--roles") { Description = $"Comma-separated: {string.Join(", ", ApiKeyRoles.All)}.", Required = true };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When the key stops working (ISO 8601, e.g. 2027-06-30T00:00Z); default never." };
        var auditKey = AuditedChanges.AuditKeyFile();
        var command = new Command("create", "Make a key for a tenant and print it (once).")
        {
            database.Db, database.DataDir, auditKey, tenant, tenantName, name, roles, expires,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var chain = await AuditedChanges.ChainAsync(parseResult, auditKey, database.DataDir, cancellationToken);
            await using var db = database.Open(parseResult);
            var store = new ApiKeyStore(db, TimeProvider.System);
            var roleList = parseResult.GetRequiredValue(roles).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (store.Problem(parseResult.GetRequiredValue(name), roleList, parseResult.GetValue(expires)) is { } problem)
            {
                throw new UsageException(problem);
            }

            IssuedApiKey issued;
            try
            {
                await using var audited = Audited(db, store, chain);
                issued = await audited.Keys.CreateAsync(parseResult.GetRequiredValue(tenant), parseResult.GetRequiredValue(name), roleList,
                    parseResult.GetValue(expires), AuditedChanges.Actor(), cancellationToken, parseResult.GetValue(tenantName));
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message + " Pass --tenant-name to create it.");
            }

            Print(CliApp.ConsoleFor(parseResult), "Created", issued);
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var database = new PlatformDatabaseOptions();
        var tenant = Tenant();
        var all = new Option<bool>("--all") { Description = "Include revoked and expired keys." };
        var command = new Command("list", "List a tenant's keys: id, prefix, roles, expiry, last use, revocation.") { database.Db, database.DataDir, tenant, all };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            await using var db = database.Open(parseResult);
            var keys = await new ApiKeyStore(db, TimeProvider.System).ListAsync(parseResult.GetRequiredValue(tenant), parseResult.GetValue(all), cancellationToken);
            var console = CliApp.ConsoleFor(parseResult);
            if (keys.Count == 0)
            {
                console.WriteLine("No keys.");
                return 0;
            }

            var table = new Table().AddColumns("id", "name", "prefix", "roles", "created", "expires", "last used", "revoked");
            foreach (var key in keys)
            {
                table.AddRow(key.Id.ToString(), Markup.Escape(key.Name), Markup.Escape(key.Prefix), string.Join(",", key.Roles),
                    Time(key.CreatedAt), Time(key.ExpiresAt), Time(key.LastUsedAt), Time(key.RevokedAt));
            }

            console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Rotate()
    {
        var database = new PlatformDatabaseOptions();
        var tenant = Tenant();
        var id = KeyId();
        var grace = new Option<TimeSpan>("--grace") { Description = "How long the old key keeps working (e.g. 01:00:00); default: it stops now.", DefaultValueFactory = _ => TimeSpan.Zero };
        var auditKey = AuditedChanges.AuditKeyFile();
        var command = new Command("rotate", "Make a new key with the same name, roles and expiry, print it, and stop the old one.")
        {
            database.Db, database.DataDir, auditKey, tenant, id, grace,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var chain = await AuditedChanges.ChainAsync(parseResult, auditKey, database.DataDir, cancellationToken);
            await using var db = database.Open(parseResult);
            var store = new ApiKeyStore(db, TimeProvider.System);
            var old = await store.FindAsync(parseResult.GetRequiredValue(tenant), parseResult.GetRequiredValue(id), cancellationToken)
                ?? throw new UsageException($"Tenant '{parseResult.GetRequiredValue(tenant)}' has no key {parseResult.GetRequiredValue(id)}.");
            await using var audited = Audited(db, store, chain);
            var issued = await audited.Keys.RotateAsync(old, parseResult.GetValue(grace), AuditedChanges.Actor(), cancellationToken)
                ?? throw new UsageException($"Key {old.Id} is revoked or expired; create a new one instead.");
            var console = CliApp.ConsoleFor(parseResult);
            Print(console, "Rotated", issued);
            console.WriteLine($"The old key ({old.Prefix}...) stops working at {Time(old.RevokedAt)}.");
            return 0;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var database = new PlatformDatabaseOptions();
        var tenant = Tenant();
        var id = KeyId();
        var auditKey = AuditedChanges.AuditKeyFile();
        var command = new Command("revoke", "Stop a key now (gateways forget it within 30 s; its broker connections close at the next sweep, seconds).") { database.Db, database.DataDir, auditKey, tenant, id };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var chain = await AuditedChanges.ChainAsync(parseResult, auditKey, database.DataDir, cancellationToken);
            await using var db = database.Open(parseResult);
            var store = new ApiKeyStore(db, TimeProvider.System);
            var key = await store.FindAsync(parseResult.GetRequiredValue(tenant), parseResult.GetRequiredValue(id), cancellationToken)
                ?? throw new UsageException($"Tenant '{parseResult.GetRequiredValue(tenant)}' has no key {parseResult.GetRequiredValue(id)}.");
            await using var audited = Audited(db, store, chain);
            await audited.Keys.RevokeAsync(key, AuditedChanges.Actor(), cancellationToken);
            CliApp.ConsoleFor(parseResult).WriteLine($"Revoked {key.Id} ({key.Prefix}...) at {Time(key.RevokedAt)}.");
            return 0;
        }));
        return command;
    }

    /// <summary>The audited key store over the command's own database connection.</summary>
    private static AuditedKeyStore Audited(PlatformDbContext db, ApiKeyStore store, AuditChain chain)
    {
        var lease = AuditedChanges.Writer(db, chain);
        return new AuditedKeyStore(new AuditedApiKeys(db, store, lease.Writer, TimeProvider.System), lease);
    }

    private sealed record AuditedKeyStore(AuditedApiKeys Keys, AuditedChanges.AuditWriterLease Lease) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Lease.DisposeAsync();
    }

    private static Option<string> Tenant() => new("--tenant") { Description = "The tenant's id.", Required = true };

    private static Option<Guid> KeyId() => new("--id") { Description = "The key's id (from `keys list`).", Required = true };

    private static void Print(IAnsiConsole console, string verb, IssuedApiKey issued)
    {
        console.WriteLine($"{verb} key {issued.Key.Id} for tenant '{issued.Key.TenantId}' ({string.Join(",", issued.Key.Roles)}; expires {Time(issued.Key.ExpiresAt)}).");
        console.WriteLine("The key, shown this once (send it in the X-Api-Key header):");
        console.WriteLine(issued.Secret);
    }

    private static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
