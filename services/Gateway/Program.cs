using SpecialistPlatform.Gateway.Apis;
using SpecialistPlatform.Gateway.Extensions;
using SpecialistPlatform.Gateway.Overview;
using SpecialistPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
// The API's description is open to anyone only in Development; elsewhere it needs a key, and there is no Swagger UI.
if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "Specialist Platform v1"));
}
else
{
    app.MapOpenApi().RequireAuthorization();
}

app.MapPlatformApi();
app.MapJobsApi();
app.MapJobSearchApi();
app.MapSessionApi();
app.MapOverviewApi();
app.MapAuditApi();
app.MapModelsApi();
app.MapKeysApi();
app.MapReportsApi();
app.MapPersonalDataApi();
app.MapModerationApi();
app.MapBrokerAuthApi();

app.Run();

/// <summary>Visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
