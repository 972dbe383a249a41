using SpecialistPlatform.ComplianceChecker.Policies;
using SpecialistPlatform.ComplianceChecker.Activities;
using SpecialistPlatform.ComplianceChecker.Consumers;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Jobs.Steps;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.ComplianceChecker.Extensions;

/// <summary>Finds personal data and applies the tenant's policy: redact, mask, hash, encrypt or block.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CompliancePolicies>();
        builder.Services.AddHostedService<CompliancePoliciesLoader>();
        builder.AddMessaging(bus =>
        {
            bus.AddJobStep<CheckComplianceActivity, CheckCompliance>(ResourceNames.Queues.CheckCompliance);
            bus.AddConsumer<DetectPersonalDataConsumer>()
                .Endpoint(e => e.Name = ResourceNames.Queues.DetectPersonalData);
        });
    }
}
