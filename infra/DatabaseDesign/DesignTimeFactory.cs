using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SpecialistPlatform.Data;

namespace SpecialistPlatform.DatabaseDesign;

/// <summary>Lets `dotnet ef` build the model without a running service; the connection is only used by
/// `database update`, so it can point at an AppHost's Postgres through PLATFORM_DB.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("PLATFORM_DB") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=specialist")
            .Options);
}

public static class Program
{
    public static void Main() => Console.WriteLine("Design-time host for `dotnet ef`; see README.md.");
}
