using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// What an operator's change needs to be recorded in the audit trail (`keys create|rotate|revoke`,
/// `models promote|rollback|retire`): the audit chain key, a writer over the command's own database connection, and
/// the operating-system user who ran the command.
/// </summary>
internal static class AuditedChanges
{
    public static Option<string?> AuditKeyFile() =>
        new("--audit-key-file") { Description = "The audit chain key the change is recorded with; default: audit-chain-key in the data folder." };

    /// <summary>Read before anything changes: a change that cannot be recorded is not made.</summary>
    public static async Task<AuditChain> ChainAsync(ParseResult parseResult, Option<string?> keyFile, Option<string> dataDir,
        CancellationToken cancellationToken)
    {
        var path = parseResult.GetValue(keyFile) ?? Path.Combine(parseResult.GetRequiredValue(dataDir), "audit-chain-key");
        return new AuditChain(Convert.FromBase64String(await AuditCommand.ReadChainKeyAsync(path, cancellationToken)));
    }

    /// <summary>A writer for the context's connection. Its data source is only there because the writer's constructor
    /// wants one: the records go through the context's connection and transaction.</summary>
    public static AuditWriterLease Writer(PlatformDbContext db, AuditChain chain)
    {
        var dataSource = NpgsqlDataSource.Create(db.Database.GetConnectionString()!);
        return new AuditWriterLease(new AuditTrailWriter(dataSource, chain, NullLogger<AuditTrailWriter>.Instance), dataSource);
    }

    public static ChangeActor Actor() => new(ResourceNames.Services.Cli, $"os-user:{Environment.UserName}");

    public sealed record AuditWriterLease(AuditTrailWriter Writer, NpgsqlDataSource DataSource) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => DataSource.DisposeAsync();
    }
}
