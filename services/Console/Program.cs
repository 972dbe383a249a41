using SpecialistPlatform.Console.Extensions;
using SpecialistPlatform.Console.Sessions;
using SpecialistPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler("/Errors/500");
app.UseStatusCodePagesWithReExecute("/Errors/{0}");
app.UseAuthentication();
app.UseMiddleware<GatewayProblemMiddleware>();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapRazorPages();

app.Run();

/// <summary>Visible to tests' WebApplicationFactory.</summary>
public partial class Program;
