using Microsoft.Extensions.Options;
using SpecialistPlatform.Compliance.Detection.Policies;

namespace SpecialistPlatform.ComplianceChecker.Policies;

/// <summary>
/// The policy appliers, loaded once at start (a malformed policy file or a missing key stops the service with the
/// file's name and the reason), and the choice of one per job: tenant and kind, then tenant, then kind, then default.
/// </summary>
public sealed class CompliancePolicies
{
    private readonly PolicyApplier _default = new(PiiPolicy.Default);
    private readonly List<(PolicyBinding Binding, PolicyApplier Applier)> _bound;

    public CompliancePolicies(IOptions<ComplianceOptions> options)
    {
        _bound = options.Value.Policies.Select(binding =>
        {
            try
            {
                return (binding, PolicyDocument.Load(binding.File).ToApplier());
            }
            catch (Exception e) when (e is ArgumentException or IOException or FormatException)
            {
                throw new InvalidOperationException($"Compliance policy file '{binding.File}' (tenant {binding.Tenant ?? "*"}, kind {binding.Kind ?? "*"}) cannot be used: {e.Message}", e);
            }
        }).ToList();
    }

    public PolicyApplier For(string tenantId, string kind) =>
        Find(b => b.Tenant == tenantId && b.Kind == kind)
        ?? Find(b => b.Tenant == tenantId && b.Kind is null)
        ?? Find(b => b.Tenant is null && b.Kind == kind)
        ?? Find(b => b.Tenant is null && b.Kind is null)
        ?? _default;

    private PolicyApplier? Find(Func<PolicyBinding, bool> matches) => _bound.FirstOrDefault(b => matches(b.Binding)).Applier;
}

/// <summary>Loads the policies while the service starts, so a bad policy file stops it with the reason at once.</summary>
public sealed class CompliancePoliciesLoader(CompliancePolicies policies) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(policies);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
