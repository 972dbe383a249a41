using System.Security.Cryptography;
using System.Text;

namespace SpecialistPlatform.Compliance.Detection.Policies;

/// <summary>What happened to one finding.</summary>
/// <param name="Type">Entity type.</param>
/// <param name="Start">UTF-16 start in the original text.</param>
/// <param name="End">UTF-16 end (exclusive) in the original text.</param>
/// <param name="Score">Detector confidence.</param>
/// <param name="Action">Action the policy applied.</param>
/// <param name="Replacement">Text that replaced the value; null for <see cref="PolicyAction.Allow"/>.</param>
/// <param name="OutputStart">Start of the value or its replacement in <see cref="PolicyResult.Text"/>.</param>
/// <param name="OutputEnd">End of the value or its replacement in <see cref="PolicyResult.Text"/>.</param>
public sealed record AppliedEntity(string Type, int Start, int End, double Score, PolicyAction Action, string? Replacement, int OutputStart, int OutputEnd);

/// <summary>
/// The outcome of applying a policy. When <see cref="Blocked"/> is true the text must not be passed on;
/// <see cref="Text"/> still holds a version with the blocked values redacted, safe to log.
/// </summary>
/// <param name="Text">Transformed text.</param>
/// <param name="Placeholders">Placeholder → original value, for <see cref="Redactor.Restore"/>.</param>
/// <param name="Entities">Every finding and the action taken, in text order.</param>
/// <param name="Blocked">Whether some finding's type is blocked.</param>
/// <param name="BlockedTypes">The blocked types found, sorted.</param>
/// <param name="Reason">Why it is blocked ("blocked: text contains CREDIT_CARD, US_SSN"); null when not.</param>
public sealed record PolicyResult(
    string Text,
    IReadOnlyDictionary<string, string> Placeholders,
    IReadOnlyList<AppliedEntity> Entities,
    bool Blocked,
    IReadOnlyList<string> BlockedTypes,
    string? Reason);

/// <summary>
/// Applies a <see cref="PiiPolicy"/> to a text: detects (or takes given findings), resolves overlaps and
/// replaces each value as its type's action says. Thread-safe.
/// </summary>
public sealed class PolicyApplier
{
    private readonly PersonalDataDetector _detector;
    private readonly Redactor _masker;
    private readonly ValueEncryptor? _encryptor;

    public PolicyApplier(PiiPolicy policy, PersonalDataDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        Policy = policy;
        _detector = detector ?? PersonalDataDetector.Create([]);
        _masker = new Redactor(policy.Mask);
        _encryptor = policy.EncryptionKey is { Length: 32 } key ? new ValueEncryptor(key) : null;
    }

    public PiiPolicy Policy { get; }

    public PersonalDataDetector Detector => _detector;

    public PolicyResult Apply(string text) => Apply(text, _detector.Detect(text));

    public PolicyResult Apply(string text, IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        var resolved = OverlapResolver.Resolve(findings.Select(f => Redactor.Checked(text, f)));
        var output = new StringBuilder(text.Length);
        var entities = new List<AppliedEntity>(resolved.Count);
        var placeholders = new PlaceholderAllocator(text);
        var blocked = new SortedSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var finding in resolved)
        {
            if (finding.Start < position)
                continue;
            output.Append(text, position, finding.Start - position);
            var value = text[finding.Start..finding.End];
            var action = Policy.ActionFor(finding.Type);
            if (action == PolicyAction.Block)
                blocked.Add(finding.Type);
            var replacement = action switch
            {
                PolicyAction.Allow => null,
                PolicyAction.Redact or PolicyAction.Block => placeholders.For(finding.Type, value),
                PolicyAction.Mask => _masker.MaskValue(finding.Type, value),
                PolicyAction.Hash => HashToken(finding.Type, value),
                PolicyAction.Encrypt => _encryptor!.Encrypt(finding.Type, value),
                _ => throw new InvalidOperationException($"Unknown action {action}."),
            };
            var outputStart = output.Length;
            output.Append(replacement ?? value);
            entities.Add(new AppliedEntity(finding.Type, finding.Start, finding.End, finding.Score, action, replacement, outputStart, output.Length));
            position = finding.End;
        }
        output.Append(text, position, text.Length - position);
        var reason = blocked.Count == 0 ? null : $"blocked: text contains {string.Join(", ", blocked)}";
        return new PolicyResult(output.ToString(), placeholders.Placeholders, entities, blocked.Count > 0, [.. blocked], reason);
    }

    /// <summary>The hash token for a value: <c>&lt;TYPE#hex&gt;</c>, equal for equal values however they are spaced.</summary>
    public string HashToken(string type, string value)
    {
        var key = Policy.HashKey ?? throw new InvalidOperationException("The policy has no hash key.");
        var data = Encoding.UTF8.GetBytes(type + "\0" + Redactor.IdentityKey(type, value));
        var digest = Convert.ToHexStringLower(HMACSHA256.HashData(key, data));
        return $"<{type}#{digest[..Policy.HashHexLength]}>";
    }
}
