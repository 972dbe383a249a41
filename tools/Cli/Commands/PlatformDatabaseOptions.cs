using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Cli.Platform;
using SpecialistPlatform.Data;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// --db and --data-dir, shared by the commands that work on the platform's Postgres directly (models, keys): an
/// operator's tools, for whoever holds the database's credentials, not the gateway's API.
/// </summary>
internal sealed class PlatformDatabaseOptions
{
    public Option<string?> Db { get; } = new("--db") { Description = "Postgres connection string; default: ConnectionStrings__platformdb, else the running AppHost's." };

    public Option<string> DataDir { get; } = new("--data-dir") { Description = "The AppHost's data folder.", DefaultValueFactory = _ => AppHostState.DefaultDataDirectory() };

    public void Deconstruct(out Option<string?> db, out Option<string> dataDir) => (db, dataDir) = (Db, DataDir);

    public PlatformDbContext Open(ParseResult parseResult) => Open(parseResult, Db, DataDir);

    public static PlatformDbContext Open(ParseResult parseResult, Option<string?> db, Option<string> dataDir)
    {
        var connectionString = parseResult.GetValue(db)
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__platformdb")
            ?? new AppHostState(parseResult.GetRequiredValue(dataDir)).ServerConnectionString("postgres");
        return new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseNpgsql(connectionString).Options);
    }
}
