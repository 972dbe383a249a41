using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Cli.Platform;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist audit verify --tenant T [--key-file F] [--checkpoints DIR] [--db CS | --data-dir DIR]: the gateway's
/// verification without the gateway, against checkpoints wherever they were copied to (e.g. brought back from off the
/// machine). Exit code 0 when the chain is intact, 2 when it is not.
/// </summary>
internal static class AuditCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Build()
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant whose chain to verify.", Required = true };
        var keyFile = new Option<string?>("--key-file") { Description = "The audit chain key; default: audit-chain-key in the data folder." };
        var checkpoints = new Option<string?>("--checkpoints") { Description = "The checkpoint folder; default: audit-checkpoints in the data folder." };
        var database = new PlatformDatabase();
        var verify = new Command("verify", "Verify a tenant's audit chain against its key and its signed checkpoints; name the first bad record.")
        {
            tenant, keyFile, checkpoints, database.Db, database.DataDir,
        };
        verify.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var dataDirectory = parseResult.GetRequiredValue(database.DataDir);
            var keyPath = parseResult.GetValue(keyFile) ?? Path.Combine(dataDirectory, "audit-chain-key");
            var options = new AuditChainOptions
            {
                ChainKey = await ReadChainKeyAsync(keyPath, cancellationToken),
                CheckpointDirectory = parseResult.GetValue(checkpoints) ?? Path.Combine(dataDirectory, "audit-checkpoints"),
            };
            var chain = new AuditChain(options.KeyBytes());
            await using var db = database.Open(parseResult);
            var verifier = new AuditTrailVerifier(db, chain, new AuditCheckpointStore(Options.Create(options), chain));
            var verification = await verifier.VerifyAsync(parseResult.GetRequiredValue(tenant), cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(verification, Json));
            return verification.Intact ? 0 : 2;
        }));
        return new Command("audit", "The audit trail.") { verify };
    }

    /// <summary>The audit chain key in <paramref name="keyPath"/> (base64, as the AppHost keeps it), checked; a missing or
    /// malformed file is the user's to fix.</summary>
    internal static async Task<string> ReadChainKeyAsync(string keyPath, CancellationToken cancellationToken)
    {
        string key;
        try
        {
            key = (await File.ReadAllTextAsync(keyPath, cancellationToken)).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"There is no audit chain key at {keyPath}; pass the file that holds it.");
        }

        if (new AuditChainOptions { ChainKey = key, CheckpointDirectory = "-" }.Validate(new(new object())).Any() || key.Length == 0)
        {
            throw new UsageException($"{keyPath} does not hold an audit chain key (base64 of at least {AuditChainOptions.MinimumKeyBytes} bytes).");
        }

        return key;
    }
}
