using SpecialistPlatform.Gateway.Apis;
using SpecialistPlatform.Gateway.Extensions;
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
app.MapOpenApi();
app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "Specialist Platform v1"));
app.MapPlatformApi();
app.MapJobsApi();
app.MapAuditApi();
app.MapModelsApi();
app.MapReportsApi();
app.MapPersonalDataApi();

app.Run();

/// <summary>Visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
