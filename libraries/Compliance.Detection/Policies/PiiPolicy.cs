namespace SpecialistPlatform.Compliance.Detection.Policies;

/// <summary>
/// Per-entity-type actions plus the keys the keyed actions need. Types not listed get <see cref="DefaultAction"/>.
/// </summary>
public sealed record PiiPolicy
{
    /// <summary>Redacts everything except dates and times (which are personal data only beside a person).</summary>
    public static readonly PiiPolicy Default = new()
    {
        Actions = new Dictionary<string, PolicyAction>(StringComparer.Ordinal) { [PersonalDataTypes.DateTime] = PolicyAction.Allow },
    };

    public PolicyAction DefaultAction { get; init; } = PolicyAction.Redact;

    public IReadOnlyDictionary<string, PolicyAction> Actions { get; init; } = new Dictionary<string, PolicyAction>(StringComparer.Ordinal);

    /// <summary>HMAC key for <see cref="PolicyAction.Hash"/>; required when any type hashes. At least 16 bytes.</summary>
    public byte[]? HashKey { get; init; }

    /// <summary>Hex characters of the digest kept in the token (8..64).</summary>
    public int HashHexLength { get; init; } = 16;

    /// <summary>AES-256 key for <see cref="PolicyAction.Encrypt"/>; required when any type encrypts. Exactly 32 bytes.</summary>
    public byte[]? EncryptionKey { get; init; }

    public MaskOptions Mask { get; init; } = MaskOptions.Default;

    public PolicyAction ActionFor(string type) => Actions.TryGetValue(type, out var action) ? action : DefaultAction;

    /// <summary>Throws <see cref="ArgumentException"/> when an action lacks its key or a setting is out of range.</summary>
    public void Validate()
    {
        var used = Actions.Values.Append(DefaultAction).ToHashSet();
        if (used.Contains(PolicyAction.Hash) && (HashKey is null || HashKey.Length < 16))
            throw new ArgumentException("The policy hashes some types but has no hash key of at least 16 bytes.");
        if (used.Contains(PolicyAction.Encrypt) && EncryptionKey is not { Length: 32 })
            throw new ArgumentException("The policy encrypts some types but has no 32-byte encryption key.");
        if (HashHexLength is < 8 or > 64)
            throw new ArgumentException($"hashHexLength {HashHexLength} must lie in 8..64.");
    }
}
