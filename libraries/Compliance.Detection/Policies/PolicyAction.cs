namespace SpecialistPlatform.Compliance.Detection.Policies;

/// <summary>What a policy does with one entity type.</summary>
public enum PolicyAction
{
    /// <summary>Leave the value in the text.</summary>
    Allow,

    /// <summary>Replace it with a typed numbered placeholder (<c>&lt;PERSON_1&gt;</c>) that <see cref="Redactor.Restore"/> can undo.</summary>
    Redact,

    /// <summary>Replace its characters with the mask character, keeping a few trailing ones per <see cref="MaskOptions"/>.</summary>
    Mask,

    /// <summary>Replace it with a keyed HMAC-SHA256 digest prefix: equal values give equal tokens, nothing reverses it.</summary>
    Hash,

    /// <summary>Replace it with an AES-GCM token that a holder of the key can decrypt back.</summary>
    Encrypt,

    /// <summary>Refuse the whole text: the result says blocked and names the types.</summary>
    Block,
}
