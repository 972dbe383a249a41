using SpecialistPlatform.DatabaseMigrations;
using SpecialistPlatform.ServiceDefaults;

// A short-lived resource, as in the Aspire samples: applies the schema, seeds the development tenant (Development
// only), and exits. The services wait for it to complete; the AppHost itself does no database work.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOptions<DevelopmentTenantOptions>().BindConfiguration(DevelopmentTenantOptions.Section);
// Bound without validation: only seeding the dev key needs the chain key (its records), and it says so if it is missing.
builder.Services.AddOptions<SpecialistPlatform.Jobs.Audit.AuditChainOptions>().BindConfiguration(SpecialistPlatform.Jobs.Audit.AuditChainOptions.Section);
builder.Services.AddHostedService<MigrationWorker>();

await builder.Build().RunAsync();
