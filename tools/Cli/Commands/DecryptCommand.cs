using System.CommandLine;
using System.Text.Json.Nodes;
using SpecialistPlatform.Cli.Pii;
using SpecialistPlatform.Compliance.Detection.Policies;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist decrypt --input REDACTED.jsonl --output OUT.jsonl --key env:NAME</summary>
internal static class DecryptCommand
{
    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "JSONL with a \"text\" field holding <ENC:TYPE:...> tokens (e.g. redact's output).", Required = true };
        var output = new Option<string>("--output") { Description = "JSONL output: each line with its tokens decrypted.", Required = true };
        var key = new Option<string>("--key") { Description = "The 32-byte encryption key: env:NAME (base64 in an environment variable), base64:... or hex:...", Required = true };
        var command = new Command("decrypt", "Decrypt the encrypt-action tokens in redacted texts (for an authorised holder of the key).") { input, output, key };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, () =>
        {
            var policy = new PolicyDocument { EncryptionKey = parseResult.GetRequiredValue(key), DefaultAction = PolicyAction.Encrypt }.ToPolicy();
            var encryptor = new ValueEncryptor(policy.EncryptionKey!);
            var count = JsonlTexts.Process(parseResult.GetRequiredValue(input), parseResult.GetRequiredValue(output), line =>
                new JsonObject { ["id"] = line.Id, ["text"] = encryptor.DecryptAll(line.Text) }, cancellationToken);
            parseResult.InvocationConfiguration.Output.WriteLine($"decrypted {count} texts -> {parseResult.GetRequiredValue(output)}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
