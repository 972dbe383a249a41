using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecialistPlatform.Compliance.Detection.Policies;

/// <summary>
/// A policy as JSON configuration holds it:
/// <code>
/// {
///   "defaultAction": "redact",
///   "actions": { "CREDIT_CARD": "mask", "EMAIL_ADDRESS": "hash", "US_SSN": "block", "IBAN_CODE": "encrypt", "DATE_TIME": "allow" },
///   "hashKey": "env:PII_HASH_KEY",          // or "base64:…", "hex:…"
///   "encryptionKey": "env:PII_ENCRYPTION_KEY",
///   "hashHexLength": 16,
///   "minimumScore": 0.3,
///   "recognizers": [ { "type": "EMPLOYEE_ID", "pattern": "EMP-[0-9]{6}", "contextWords": ["employee"], "baseScore": 0.6 } ],
///   "moderation": { "offensive": "allow", "hate": "review", "jailbreak": "block" }   // per category: allow, flag, review, block
/// }
/// </code>
/// Keys are never written inline by default tooling: "env:NAME" reads an environment variable holding base64.
/// </summary>
public sealed record PolicyDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public PolicyAction DefaultAction { get; init; } = PolicyAction.Redact;

    public Dictionary<string, PolicyAction> Actions { get; init; } = [];

    public string? HashKey { get; init; }

    public string? EncryptionKey { get; init; }

    public int HashHexLength { get; init; } = 16;

    public double MinimumScore { get; init; } = PersonalDataDetector.DefaultMinimumScore;

    public List<CustomRecognizerDefinition> Recognizers { get; init; } = [];

    /// <summary>What flagged moderation categories do; categories not named keep <see cref="ModerationPolicy.DefaultActions"/>.</summary>
    public Dictionary<string, ModerationAction> Moderation { get; init; } = [];

    /// <summary>Parses a policy; throws <see cref="ArgumentException"/> with the reason when it is malformed.</summary>
    public static PolicyDocument Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PolicyDocument>(json, Json) ?? throw new ArgumentException("The policy file is empty.");
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"Invalid policy: {ex.Message}", ex);
        }
    }

    public static PolicyDocument Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>The policy with its keys resolved; <paramref name="environment"/> defaults to the process environment.</summary>
    public PiiPolicy ToPolicy(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var policy = new PiiPolicy
        {
            DefaultAction = DefaultAction,
            Actions = new Dictionary<string, PolicyAction>(Actions, StringComparer.Ordinal),
            HashKey = ResolveKey(HashKey, "hashKey", environment),
            EncryptionKey = ResolveKey(EncryptionKey, "encryptionKey", environment),
            HashHexLength = HashHexLength,
        };
        policy.Validate();
        return policy;
    }

    /// <param name="tagger">The learned entity tagger to add to the rules, if any.</param>
    public PersonalDataDetector ToDetector(IRecognizer? tagger = null) => PersonalDataDetector.Create(Recognizers, MinimumScore, tagger);

    /// <summary>The moderation actions; throws <see cref="ArgumentException"/> naming an unknown category.</summary>
    public ModerationPolicy ToModerationPolicy() => Moderation.Count == 0 ? ModerationPolicy.Default : new ModerationPolicy(Moderation);

    public PolicyApplier ToApplier(Func<string, string?>? environment = null, IRecognizer? tagger = null) => new(ToPolicy(environment), ToDetector(tagger));

    private static byte[]? ResolveKey(string? reference, string name, Func<string, string?> environment)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return null;
        try
        {
            if (reference.StartsWith("env:", StringComparison.Ordinal))
            {
                var variable = reference[4..];
                var value = environment(variable) ?? throw new ArgumentException($"{name}: environment variable {variable} is not set.");
                return Convert.FromBase64String(value.Trim());
            }
            if (reference.StartsWith("base64:", StringComparison.Ordinal))
                return Convert.FromBase64String(reference[7..]);
            if (reference.StartsWith("hex:", StringComparison.Ordinal))
                return Convert.FromHexString(reference[4..]);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"{name}: the key is not valid {(reference.StartsWith("hex:", StringComparison.Ordinal) ? "hex" : "base64")}.", ex);
        }
        throw new ArgumentException($"{name} must start with env:, base64: or hex:.");
    }
}
