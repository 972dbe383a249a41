using Microsoft.Extensions.Options;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Compliance.Detection.Policies;
using SpecialistPlatform.Compliance.Detection.Tagging;

namespace SpecialistPlatform.ComplianceChecker.Policies;

/// <summary>
/// The policy appliers, loaded once at start (a malformed policy file or a missing key stops the service with the
/// file's name and the reason), and the choice of one per job: tenant and kind, then tenant, then kind, then default.
/// </summary>
public sealed class CompliancePolicies
{
    private readonly PolicyApplier _default;
    private readonly List<(PolicyBinding Binding, PolicyApplier Applier, ModerationPolicy Moderation)> _bound;

    public CompliancePolicies(IOptions<ComplianceOptions> options, ILogger<CompliancePolicies> logger)
    {
        Tagger = LoadTagger(options.Value, logger);
        _default = new PolicyApplier(PiiPolicy.Default, PersonalDataDetector.Create([], tagger: Tagger));
        _bound = options.Value.Policies.Select(binding =>
        {
            try
            {
                var document = PolicyDocument.Load(binding.File);
                return (binding, document.ToApplier(tagger: Tagger), document.ToModerationPolicy());
            }
            catch (Exception e) when (e is ArgumentException or IOException or FormatException)
            {
                throw new InvalidOperationException($"Compliance policy file '{binding.File}' (tenant {binding.Tenant ?? "*"}, kind {binding.Kind ?? "*"}) cannot be used: {e.Message}", e);
            }
        }).ToList();
    }

    /// <summary>The entity tagger every policy's detector uses; null when configured off.</summary>
    public EntityTaggerRecognizer? Tagger { get; }

    /// <summary>What the audit records name as the detecting model.</summary>
    public (string Model, string Version) ModelName => Tagger is null
        ? ("recognizers", "1")
        : ("recognizers+entity-tagger", Tagger.Tagger.Metadata.TrainingDataSha256[..Math.Min(12, Tagger.Tagger.Metadata.TrainingDataSha256.Length)]);

    private static EntityTaggerRecognizer? LoadTagger(ComplianceOptions options, ILogger logger)
    {
        switch (options.EntityTagger)
        {
            case "none":
                logger.LogWarning("Compliance:EntityTagger is 'none': names, places, organisations and street addresses are not detected.");
                return null;
            case "default" or "":
                // Trained (well under a minute) at the first start on a machine and cached; later starts read the cache.
                var log = new StringWriter();
                var tagger = EntityTaggerModel.Default(string.IsNullOrWhiteSpace(options.ModelCacheDirectory) ? null : options.ModelCacheDirectory, log);
                foreach (var line in log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    logger.LogInformation("{Line}", line);
                return new EntityTaggerRecognizer(tagger);
            default:
                try
                {
                    return new EntityTaggerRecognizer(EntityTaggerModel.Load(options.EntityTagger));
                }
                catch (MachineLearning.Artifacts.ModelFormatException e)
                {
                    throw new InvalidOperationException($"Compliance:EntityTagger '{options.EntityTagger}' cannot be used: {e.Message}", e);
                }
        }
    }

    /// <summary>The personal-data half of the policy for this tenant and kind.</summary>
    public PolicyApplier For(string tenantId, string? kind) => Bound(tenantId, kind)?.Applier ?? _default;

    /// <summary>The moderation half of the same policy file (its "moderation" object), or the default actions.</summary>
    public ModerationPolicy ModerationFor(string tenantId, string? kind) => Bound(tenantId, kind)?.Moderation ?? ModerationPolicy.Default;

    private (PolicyBinding Binding, PolicyApplier Applier, ModerationPolicy Moderation)? Bound(string tenantId, string? kind) =>
        Find(b => b.Tenant == tenantId && b.Kind == kind)
        ?? Find(b => b.Tenant == tenantId && b.Kind is null)
        ?? Find(b => b.Tenant is null && b.Kind == kind)
        ?? Find(b => b.Tenant is null && b.Kind is null);

    private (PolicyBinding Binding, PolicyApplier Applier, ModerationPolicy Moderation)? Find(Func<PolicyBinding, bool> matches) =>
        _bound.FirstOrDefault(b => matches(b.Binding)) is { Applier: not null } found ? found : null;
}

/// <summary>Loads the policies while the service starts, so a bad policy file stops it with the reason at once.</summary>
public sealed class CompliancePoliciesLoader(CompliancePolicies policies) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(policies);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
