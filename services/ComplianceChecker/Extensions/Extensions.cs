using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.ComplianceChecker.Activities;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.ComplianceChecker.Extensions;

/// <summary>Finds personal data and applies the tenant's policy: redact, mask, hash, encrypt or block.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => PersonalDataDetector.CreateDefault());
        builder.Services.AddSingleton(_ => new Redactor());
        builder.AddMessaging(bus => bus.AddExecuteActivity<CheckComplianceActivity, CheckCompliance>()
            .Endpoint(e => e.Name = ResourceNames.Queues.CheckCompliance));
    }
}
