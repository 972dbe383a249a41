using SpecialistPlatform.ServiceDefaults;
using SpecialistPlatform.Workflow.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
