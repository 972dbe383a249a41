using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace SpecialistPlatform.Data;

public static class DataExtensions
{
    /// <summary>Registers the context over the service's shared <see cref="NpgsqlDataSource"/>.</summary>
    public static IServiceCollection AddPlatformDbContext(this IServiceCollection services) =>
        services.AddDbContextPool<PlatformDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));

    /// <summary>Creates or upgrades the schema to the newest migration; safe to run on every start.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>().UseNpgsql(connectionString).Options;
        await using var context = new PlatformDbContext(options);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await context.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
