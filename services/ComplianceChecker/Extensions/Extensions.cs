using SpecialistPlatform.ComplianceChecker.Activities;
using SpecialistPlatform.ComplianceChecker.Consumers;
using SpecialistPlatform.ComplianceChecker.Moderation;
using SpecialistPlatform.ComplianceChecker.Policies;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Jobs.Registry;
using SpecialistPlatform.Jobs.Steps;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.ComplianceChecker.Extensions;

/// <summary>Finds personal data and applies the tenant's policy (redact, mask, hash, encrypt or block), and moderates
/// the text: harmful content, jailbreaks and injected instructions, with the same policy's actions.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CompliancePolicies>();
        builder.Services.AddHostedService<CompliancePoliciesLoader>();

        // The moderation model follows the registry (task "moderation"), as the router does.
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.Services.AddScoped<ModelRegistry>();
        builder.Services.AddSingleton<ModerationModelHost>();
        builder.Services.AddShadowAgreement<ModerationOptions>();
        builder.Services.AddSingleton<ModerationCheck>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ModerationModelHost>());
        builder.Services.AddHealthChecks().AddCheck<ModerationModelHost>("moderation-model", tags: [ServiceDefaults.Extensions.ReadyTag]);

        builder.AddMessaging(bus =>
        {
            bus.AddJobStep<CheckComplianceActivity, CheckCompliance>(ResourceNames.Queues.CheckCompliance);
            bus.AddConsumer<DetectPersonalDataConsumer>()
                .Endpoint(e => e.Name = ResourceNames.Queues.DetectPersonalData);
            bus.AddConsumer<ModerateTextsConsumer>()
                .Endpoint(e => e.Name = ResourceNames.Queues.ModerateTexts);
        });
    }
}
