using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;

namespace SpecialistPlatform.Cli.Platform;

/// <summary>The --db / --data-dir pair and the connection they name, as for `specialist models`.</summary>
internal sealed class PlatformDatabase
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "Postgres connection string; default: ConnectionStrings__platformdb, else the running AppHost's.",
    };

    public Option<string> DataDir { get; } = new("--data-dir")
    {
        Description = "The AppHost's data folder (for the default connection).",
        DefaultValueFactory = _ => AppHostState.DefaultDataDirectory(),
    };

    public PlatformDbContext Open(ParseResult parseResult)
    {
        var connectionString = parseResult.GetValue(Db)
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__platformdb")
            ?? new AppHostState(parseResult.GetRequiredValue(DataDir)).ServerConnectionString("postgres");
        return new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseNpgsql(connectionString).Options);
    }
}
